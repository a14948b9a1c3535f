"""Drives the installed coral-java kernelspec through jupyter_client and checks every request kind.

Environment: JUPYTER_PATH (where the kernelspec is installed), THIRD_PARTY_JAR (a jar with an
extension: the %forecast magic and an HTML renderer of acme.weather.Forecast).
Prints one line per check; exits non-zero at the first failed check.
"""
import os
import sys
import time

from jupyter_client.manager import KernelManager


def check(condition, what, detail=""):
    if not condition:
        print(f"FAILED: {what} {detail}", flush=True)
        sys.exit(1)
    print(f"ok: {what}", flush=True)


class Session:
    def __init__(self):
        self.km = KernelManager(kernel_name="coral-java")
        self.km.start_kernel()
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=60)

    def shell_reply(self, msg_id, timeout=60):
        while True:
            msg = self.kc.get_shell_msg(timeout=timeout)
            if msg["parent_header"].get("msg_id") == msg_id:
                return msg

    def outputs_until_idle(self, msg_id, timeout=60):
        outputs = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=timeout)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return outputs
            if msg["msg_type"] not in ("status", "execute_input"):
                outputs.append(msg)

    def execute(self, code):
        msg_id = self.kc.execute(code)
        reply = self.shell_reply(msg_id)
        return reply["content"], self.outputs_until_idle(msg_id)

    def result(self, code):
        reply, outputs = self.execute(code)
        check(reply["status"] == "ok", f"runs: {code!r}", reply)
        results = [o["content"]["data"] for o in outputs if o["msg_type"] == "execute_result"]
        return results[0] if results else None


def main():
    s = Session()

    check(s.result("1 + 1") == {"text/plain": "2"}, "execute returns the last expression")

    reply, outputs = s.execute('System.out.println("hello");\nString id = display("a");\nupdateDisplay(id, "b");')
    kinds = [o["msg_type"] for o in outputs]
    check(kinds == ["stream", "display_data", "update_display_data"], "stream, display, update in order", kinds)
    check(outputs[0]["content"] == {"name": "stdout", "text": "hello\n"}, "stdout streamed", outputs[0]["content"])
    check(outputs[1]["content"]["transient"]["display_id"] == outputs[2]["content"]["transient"]["display_id"],
          "update carries the display id")

    json_data = s.result('dev.coral.kernel.api.Rendering.json("{\\"a\\": 1}")')
    check(json_data.get("application/json") == {"a": 1}, "JSON rendering is a JSON value", json_data)

    reply, outputs = s.execute('Integer.parseInt("x")')
    check(reply["status"] == "error" and reply["ename"] == "java.lang.NumberFormatException",
          "error reply names the user's exception", reply)
    check(reply["evalue"] == 'For input string: "x"', "error reply has the message", reply["evalue"])
    check(any(o["msg_type"] == "error" for o in outputs), "error published on iopub")

    failing = s.kc.execute("int boom = 1 / 0;")
    queued = s.kc.execute('System.out.println("must not run");')
    check(s.shell_reply(failing)["content"]["status"] == "error", "a failing cell")
    content = s.shell_reply(queued)["content"]
    check(content["status"] == "aborted", "stop_on_error aborts the cells queued after it", content)
    s.outputs_until_idle(failing)
    outputs = s.outputs_until_idle(queued)
    check(not any(o["msg_type"] == "stream" for o in outputs), "the aborted cell did not run", outputs)

    reply, _ = s.execute("int ok = 1;\nint bad = true;")
    check(reply["ename"] == "CompilationError" and reply["evalue"].startswith("line 2, column 11"),
          "compile error with line and column", reply)

    s.result('String greeting = "hi";')
    cell = "int n = 1;\ngreeting.toUpp"
    msg_id = s.kc.complete(cell, len(cell))
    content = s.shell_reply(msg_id)["content"]
    check("toUpperCase(" in content["matches"], "complete", content)
    check(content["cursor_start"] == len(cell) - len("toUpp"), "complete replaces the partial word", content)

    msg_id = s.kc.inspect("Math.max", 6)
    content = s.shell_reply(msg_id)["content"]
    check(content["found"] and "max" in content["data"]["text/plain"], "inspect", content)

    msg_id = s.kc.is_complete("void f() {")
    content = s.shell_reply(msg_id)["content"]
    check(content == {"status": "incomplete", "indent": "    "}, "is_complete: incomplete with indent", content)
    msg_id = s.kc.is_complete("1 + 1")
    check(s.shell_reply(msg_id)["content"]["status"] == "complete", "is_complete: complete")

    msg_id = s.kc.history(hist_access_type="tail", n=2)
    content = s.shell_reply(msg_id)["content"]
    check(len(content["history"]) == 2 and all(len(entry) == 3 for entry in content["history"])
          and content["history"][-1][2] == 'String greeting = "hi";', "history tail as (session, line, input)", content)

    jar = os.environ["THIRD_PARTY_JAR"]
    reply, outputs = s.execute(f"%classpath {jar}")
    check(reply["status"] == "ok", "%classpath loads a third-party jar", reply)
    s.result("var f = %forecast Paris --days=5")
    shown = s.result("f")
    check(shown.get("text/html") == "<b>Paris</b>: 5 days", "the jar's renderer renders its type", shown)
    check(s.result("f.days()") == {"text/plain": "5"}, "the magic's result keeps its static type")

    for code, label in (("while (true) {}", "busy loop"), ("Thread.sleep(600_000);", "sleep")):
        msg_id = s.kc.execute(code)
        time.sleep(1.0)
        started = time.perf_counter()
        s.km.interrupt_kernel()
        reply = s.shell_reply(msg_id)["content"]
        latency = time.perf_counter() - started
        s.outputs_until_idle(msg_id)
        check(reply["status"] == "error" and reply["ename"] == "Interrupted", f"interrupt stops a {label}", reply)
        print(f"interrupt latency ({label}): {latency * 1000:.0f} ms", flush=True)
        check(s.result("6 * 7") == {"text/plain": "42"}, f"kernel usable after interrupting a {label}")

    msg_id = s.kc.shutdown()  # sent on the control channel, as the messaging spec 5.4 says
    while True:
        msg = s.kc.get_control_msg(timeout=30)
        if msg["parent_header"].get("msg_id") == msg_id:
            break
    content = msg["content"]
    check(msg["msg_type"] == "shutdown_reply" and content.get("restart") is False, "shutdown reply", msg)
    deadline = time.time() + 20
    while s.km.is_alive() and time.time() < deadline:
        time.sleep(0.1)
    check(not s.km.is_alive(), "kernel process exits after shutdown")
    s.kc.stop_channels()
    s.km.cleanup_resources()
    print("ALL CHECKS PASSED", flush=True)


if __name__ == "__main__":
    main()

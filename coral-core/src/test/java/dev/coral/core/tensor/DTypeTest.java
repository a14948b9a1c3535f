package dev.coral.core.tensor;

import dev.coral.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DTypeTest {

    @ParameterizedTest
    @CsvSource({
            "float64,FLOAT64", "f64,FLOAT64", "F64,FLOAT64", "<f8,FLOAT64",
            "float32,FLOAT32", "f32,FLOAT32", "F32,FLOAT32", "<f4,FLOAT32", "FLOAT32,FLOAT32", "' float32 ',FLOAT32",
            "float16,FLOAT16", "f16,FLOAT16", "<f2,FLOAT16",
            "bfloat16,BFLOAT16", "bf16,BFLOAT16", "BF16,BFLOAT16",
            "int64,INT64", "i64,INT64", "I64,INT64", "<i8,INT64",
            "int32,INT32", "<i4,INT32", "int16,INT16", "<i2,INT16",
            "int8,INT8", "i8,INT8", "|i1,INT8",
            "uint8,UINT8", "u8,UINT8", "U8,UINT8", "|u1,UINT8",
            "bool,BOOL", "BOOL,BOOL", "b1,BOOL", "|b1,BOOL"})
    void parsesEverySpelling(String text, DType expected) {
        assertEquals(expected, DType.parse(text));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void labelsAndNamesRoundTrip(DType d) {
        assertEquals(d, DType.parse(d.label()));
        assertEquals(d, DType.parse(d.safetensorsName()));
        assertEquals(d, DType.parse(d.toString()));
        if (d.numpyDescr() != null) {
            assertEquals(d, DType.parse(d.numpyDescr()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "float", "float8", "uint16", ">f4", "complex64", "V2", "<V2", "f 32"})
    void refusesUnknownDtypes(String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DType.parse(text));
        assertTrue(e.getMessage().contains("unknown dtype '" + text + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("bfloat16"), e.getMessage());
    }

    @Test
    void refusesNull() {
        assertThrows(InvalidInputException.class, () -> DType.parse(null));
    }

    @Test
    void properties() {
        assertEquals(8, DType.FLOAT64.itemSize());
        assertEquals(2, DType.BFLOAT16.itemSize());
        assertEquals(1, DType.BOOL.itemSize());
        assertTrue(DType.BFLOAT16.isFloating());
        assertTrue(!DType.UINT8.isFloating());
        assertEquals(null, DType.BFLOAT16.numpyDescr());
        assertEquals("BOOL", DType.BOOL.safetensorsName());
    }
}

package dk.kommunejob.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dk.kommunejob.problem.FieldRefused;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON reader every body goes through, without the service around it. */
class StrictJsonTest {

    record Contact(String name, List<String> phones) {}

    record Body(String title, long employerId, List<Contact> contacts) {}

    private final ObjectMapper json = new ObjectMapper();

    StrictJsonTest() {
        new StrictJson().customize(json);
    }

    @Test
    void aNulAnywhereIsRefusedWhereItIs() {
        FieldRefused refused = assertThrows(
                FieldRefused.class,
                () -> json.readValue(
                        """
                        {"title": "ok", "employerId": 1,
                         "contacts": [{"name": "Anne", "phones": ["20 33 70 91", "4368\\u00006868"]}]}""",
                        Body.class));
        assertEquals("contacts[0].phones[1]", path(refused));
        assertTrue(refused.getOriginalMessage().contains("U+0000"), refused.getOriginalMessage());
    }

    @Test
    void halfACharacterIsRefused() {
        FieldRefused refused = assertThrows(
                FieldRefused.class, () -> json.readValue("{\"title\": \"a\\ud800\", \"employerId\": 1}", Body.class));
        assertEquals("title", path(refused));
    }

    @Test
    void aFieldNamedTwiceIsRefused() {
        JsonParseException refused = assertThrows(
                JsonParseException.class,
                () -> json.readValue("{\"title\": \"a\", \"employerId\": 1, \"title\": \"b\"}", Body.class));
        assertTrue(refused.getOriginalMessage().contains("'title'"), refused.getOriginalMessage());
    }

    @Test
    void aFractionIsNoWholeNumber() {
        MismatchedInputException refused = assertThrows(
                MismatchedInputException.class,
                () -> json.readValue("{\"title\": \"a\", \"employerId\": 1.5}", Body.class));
        assertEquals("employerId", path(refused));
    }

    @Test
    void storedJsonIsReadAsItIs() throws Exception {
        // PostgreSQL's json_agg escapes what a row holds; an older version may have stored a control character.
        Map<?, ?> stored = StrictJson.stored(json.readerFor(Map.class)).readValue("{\"title\": \"a\\u0001b\"}");
        assertEquals("a\u0001b", stored.get("title"));
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            path.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]");
        }
        return path.substring(1);
    }
}

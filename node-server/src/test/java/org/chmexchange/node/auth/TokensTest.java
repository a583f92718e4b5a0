package org.chmexchange.node.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void aTokenIsFoundByItsSha256Only() {
        String secret = Tokens.newToken();
        Token colombia = new Token("colombia", Tokens.sha256Hex(secret), TokenScope.ANY);
        Token kenya = new Token("kenya", Tokens.sha256Hex(Tokens.newToken()), TokenScope.ANY);
        Tokens tokens = Tokens.of(List.of(kenya, colombia));
        assertEquals(Optional.of(colombia), tokens.authenticate(secret));
        assertEquals(Optional.empty(), tokens.authenticate(secret + "x"));
        assertEquals(Optional.empty(), tokens.authenticate(colombia.sha256()), "the digest is not the token");
        assertEquals(Optional.empty(), tokens.authenticate(""));
        assertEquals(Optional.empty(), tokens.authenticate(null));
        assertEquals(Optional.empty(), Tokens.NONE.authenticate(secret));
    }

    @Test
    void sha256IsTheStandardDigest() {
        assertEquals("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", Tokens.sha256Hex("test"));
    }

    @Test
    void newTokensAreRandom256BitBase64Url() {
        String a = Tokens.newToken();
        String b = Tokens.newToken();
        assertNotEquals(a, b);
        assertEquals(43, a.length(), "32 bytes in base64url without padding");
        assertTrue(a.matches("[A-Za-z0-9_-]{43}"), a);
    }

    @Test
    void namesAndDigestsAreUnique() {
        String hash = Tokens.sha256Hex("x");
        assertThrows(
                IllegalArgumentException.class,
                () -> Tokens.of(List.of(
                        new Token("a", hash, TokenScope.ANY), new Token("b", hash.toUpperCase(), TokenScope.ANY))));
        assertThrows(
                IllegalArgumentException.class,
                () -> Tokens.of(List.of(
                        new Token("a", hash, TokenScope.ANY), new Token("a", Tokens.sha256Hex("y"), TokenScope.ANY))));
        assertThrows(IllegalArgumentException.class, () -> new Token("A B", hash, TokenScope.ANY));
        assertThrows(IllegalArgumentException.class, () -> new Token("a", "abc", TokenScope.ANY));
    }
}

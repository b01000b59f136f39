package io.mtaprov.protocol.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mtaprov.protocol.DecodeException;

class ConfigHashTest {
    /**
     * PROTOCOL.md ("The MTA configuration file"), verified against the docsis tool: a 455-byte file
     * gets a 42-byte TLV {@code 0b 28 30 26 06 0e 2b ... 07 00 04 14 <20 bytes>} and ends fe 01 ff.
     */
    static final int VECTOR_FILE_SIZE = 455;
    static final int VECTOR_HASH_TLV_SIZE = 42;
    static final String VECTOR_HASH_TLV_PREFIX = "0b28302606 0e2b".replace(" ", "");
    static final String VECTOR_HASH_TLV_OID_END = "07000414";
    static final String END_DELIMITER = "fe01ff";
    // PROTOCOL.md: the three hash OIDs in use
    static final String CABLELABS_HASH = "1.3.6.1.4.1.4491.2.2.1.1.2.7.0";
    static final String IETF_HASH = "1.3.6.1.2.1.140.1.2.11.0";
    static final String EURO_HASH = "1.3.6.1.4.1.7432.1.1.2.9.0";

    @Test
    void hashTlvOf455ByteFileIs42BytesAndFileEndsWithEndDelimiter() {
        ConfigFile file = ConfigFixtures.fileOfSize(VECTOR_FILE_SIZE);
        assertThat(file.encodedLength()).isEqualTo(VECTOR_FILE_SIZE);
        byte[] out = ConfigHash.encodeWithHash(file, HashDialect.CABLELABS);
        assertThat(out).hasSize(VECTOR_FILE_SIZE + VECTOR_HASH_TLV_SIZE);
        String hex = HexFormat.of().formatHex(out);
        String tlv = hex.substring(hex.length() - 6 - 2 * VECTOR_HASH_TLV_SIZE, hex.length() - 6);
        assertThat(tlv).startsWith(VECTOR_HASH_TLV_PREFIX);
        assertThat(tlv.substring(2 * 18, 2 * 22)).isEqualTo(VECTOR_HASH_TLV_OID_END);
        assertThat(hex).endsWith(END_DELIMITER);
    }

    @Test
    void hashIsSha1OverFileWithoutHashTlvBothDelimitersIncluded() {
        ConfigFile file = ConfigFixtures.fileOfSize(VECTOR_FILE_SIZE);
        byte[] plain = file.encode();
        byte[] out = ConfigHash.encodeWithHash(file, HashDialect.CABLELABS);
        byte[] digest = Arrays.copyOfRange(out, out.length - 3 - 20, out.length - 3);
        assertThat(digest).isEqualTo(ConfigHash.sha1(plain));
        assertThat(ConfigHash.compute(ConfigHash.withHash(file, HashDialect.CABLELABS))).isEqualTo(digest);
    }

    @Test
    void hashTlvPlacedBeforeEndDelimiter() {
        ConfigFile hashed = ConfigHash.withHash(ConfigFixtures.fileOfSize(VECTOR_FILE_SIZE), HashDialect.CABLELABS);
        List<ConfigTlv> tlvs = hashed.tlvs();
        assertThat(ConfigHash.isHashTlv(tlvs.get(tlvs.size() - 2))).isTrue();
        assertThat(tlvs.get(tlvs.size() - 1)).isEqualTo(DelimiterTlv.END);
        assertThat(ConfigHash.verify(hashed).status()).isEqualTo(HashCheck.Status.VALID);
    }

    @Test
    void rehashingReplacesTheOldHashTlv() {
        ConfigFile once = ConfigHash.withHash(ConfigFixtures.twoLineFile(), HashDialect.IETF);
        ConfigFile twice = ConfigHash.withHash(once, HashDialect.CABLELABS);
        assertThat(twice.tlvs()).hasSameSizeAs(once.tlvs());
        assertThat(twice).isEqualTo(ConfigHash.withHash(ConfigFixtures.twoLineFile(), HashDialect.CABLELABS));
    }

    @Test
    void dialectsUseTheThreeHashOids() {
        assertThat(HashDialect.CABLELABS.oid().toString()).isEqualTo(CABLELABS_HASH);
        assertThat(HashDialect.IETF.oid().toString()).isEqualTo(IETF_HASH);
        assertThat(HashDialect.EURO.oid().toString()).isEqualTo(EURO_HASH);
    }

    @Test
    void detectsAlteredFile() throws DecodeException {
        byte[] out = ConfigFixtures.twoLineFile().encode();
        out[10] ^= 1;
        assertThat(ConfigHash.verify(ConfigFile.decode(out)).status()).isEqualTo(HashCheck.Status.MISMATCH);
    }

    @Test
    void detectsHashTlvNotBeforeEndDelimiter() {
        ConfigFile hashed = ConfigFixtures.twoLineFile();
        List<ConfigTlv> tlvs = new java.util.ArrayList<>(hashed.tlvs());
        ConfigTlv hash = tlvs.remove(tlvs.size() - 2);
        tlvs.add(1, hash);
        assertThat(ConfigHash.verify(new ConfigFile(tlvs)).status()).isEqualTo(HashCheck.Status.MISPLACED);
    }

    @Test
    void reportsAbsentHash() {
        assertThat(ConfigHash.verify(ConfigFixtures.fileOfSize(100)).status()).isEqualTo(HashCheck.Status.ABSENT);
    }
}

package io.obrestore.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of docs/restore-views.md §4, plus the leaks obshell has and we must not. */
@Tag("fast")
class BackupUriRedactorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "oss://oss-328067-1014-obshell/backup/archive/test/1/1002/data/backup_set_2_full?host=oss-cn-hangzhou.aliyuncs.com&access_id=LTAI5tFAKE&access_key=FAKE0SECRET"
                + " | oss://oss-328067-1014-obshell/backup/archive/test/1/1002/data/backup_set_2_full?host=oss-cn-hangzhou.aliyuncs.com",
        "oss://bucket/path/?access_key=a+b&host=h&delete_mode=tagging | oss://bucket/path?host=h&delete_mode=tagging",
        "oss://b/k///?access_id=a&access_key=k | oss://b/k?host=",
        "oss:///path?host=h&access_key=k | oss:///path?host=h",
        "cos://b/x/backup_set_5_full?host=cos.example&access_id=AKID&access_key=K&appid=1250000000&delete_mode=tagging"
                + " | cos://b/x/backup_set_5_full?host=cos.example&appid=1250000000&delete_mode=tagging",
        "cos://b/x/piece_d1004r1p1/?appid=1250000000&host=cos.example&access_id=a&access_key=k"
                + " | cos://b/x/piece_d1004r1p1?host=cos.example&appid=1250000000",
        "cos://b/k?host=h&access_id=a&access_key=k | ''",
        "s3://b/k?host=h&access_id=a&access_key=k&s3_region=r&force_path_style=true | s3://b/k?host=h&s3_region=r",
        "s3://ob-backup/t/backup_set_4_full?host=minio.internal.example:9000&access_id=a&access_key=k&force_path_style=true"
                + " | s3://ob-backup/t/backup_set_4_full?host=minio.internal.example:9000",
        "s3://b/k?host=h&access_id=a&access_key=k&checksum_type=md5&delete_mode=delete | s3://b/k?host=h&delete_mode=delete",
        "file:///data/nfs/backup/ | file:///data/nfs/backup/",
        "file:///data/a,file:///data/b | file:///data/a,file:///data/b",
        "file://data/nfs | ''",
        "file:///data?x | ''",
        "oss://bucket/path | ''",
        "oss://bucket/path? | ''",
        "oss://bucket?host=h | ''",
        "oss://b/p?host=h&access_key=50%off | ''",
        "oss://b/p?host=h;x=1 | ''",
        "OSS://b/p?host=h | ''",
        "azblob://c/p?host=h | ''",
        "nfs:///data/backup | ''",
        "' oss://b/k?host=h' | ''",
        "oss://b/k?host=h%2Bplus | oss://b/k?host=h+plus",
    })
    void followsObshellsRules(String stored, String expected) {
        assertEquals(expected, BackupUriRedactor.redactList(stored));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void nullAndEmptyBecomeEmpty(String stored) {
        assertEquals("", BackupUriRedactor.redactList(stored));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // obshell: the first element's kept s3_region swallows the second element, whose access_key comes out.
        "s3://b/k?host=h&s3_region=r,s3://b/k2?access_key=LEAK&host=h | s3://b/k?host=h&s3_region=r,s3://b/k2?host=h",
        // The fixture's rt_running lists: each element is redacted on its own.
        "s3://p/d/set_7?host=H&access_id=AKIAFAKE&access_key=FAKE0SECRET0s3+/0011&s3_region=us-west-2,"
                + "s3://p/d/set_8?host=H&access_id=AKIAFAKE&access_key=FAKE0SECRET0s3+/0011&s3_region=us-west-2"
                + " | s3://p/d/set_7?host=H&s3_region=us-west-2,s3://p/d/set_8?host=H&s3_region=us-west-2",
        // An unparseable element keeps its place as "".
        "oss://b/k?host=h,azblob://c/p?host=h&access_key=SECRET | oss://b/k?host=h,",
    })
    void listsAreRedactedElementByElement(String stored, String expected) {
        String redacted = BackupUriRedactor.redactList(stored);
        assertEquals(expected, redacted);
        assertFalse(redacted.contains("LEAK") || redacted.contains("SECRET") || redacted.contains("access_"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "s3://b/k?host=h%26access_key%3DLEAK&s3_region=r",
        "s3://b/k?host=h&s3_region=r%26access_key%3DLEAK",
        "cos://b/k?host=h&appid=1%3Faccess_key%3DLEAK",
        "oss://b/k?host=h&delete_mode=x%23access_key%3DLEAK",
        "oss://b/k?host=h%0Aaccess_key%3DLEAK",
    })
    void aSecretSmuggledInsideAKeptValueIsRejected(String stored) {
        // obshell decodes the value and writes it back unencoded: "?host=h&access_key=LEAK".
        assertEquals("", BackupUriRedactor.redactList(stored));
    }

    @ParameterizedTest
    @ValueSource(strings = {",", ",,", "azblob://x/y?host=h,obs://x/y?host=h"})
    void listsWithNothingParseableBecomeEmpty(String stored) {
        assertEquals("", BackupUriRedactor.redactList(stored));
    }
}

// The providers' signatures against their published test vectors (docs/sms.md), through the
// same functions the providers sign with and the stand-in verifies with.
#include "core/notify/SmsSigning.h"

#include <QtTest>

using namespace pd;

class TestSmsSigning : public QObject {
    Q_OBJECT

    static smssign::Params aliyunDemoParams()
    {
        // Aliyun's documentation demo for SendSms, all strings.
        return {
            {QStringLiteral("AccessKeyId"), QStringLiteral("testId")},
            {QStringLiteral("Action"), QStringLiteral("SendSms")},
            {QStringLiteral("Format"), QStringLiteral("XML")},
            {QStringLiteral("OutId"), QStringLiteral("123")},
            {QStringLiteral("PhoneNumbers"), QStringLiteral("15300000001")},
            {QStringLiteral("RegionId"), QStringLiteral("cn-hangzhou")},
            {QStringLiteral("SignName"), QStringLiteral("阿里云短信测试专用")},
            {QStringLiteral("SignatureMethod"), QStringLiteral("HMAC-SHA1")},
            {QStringLiteral("SignatureNonce"), QStringLiteral("45e25e9b-0a6f-4070-8c85-2956eda1b466")},
            {QStringLiteral("SignatureVersion"), QStringLiteral("1.0")},
            {QStringLiteral("TemplateCode"), QStringLiteral("SMS_71390007")},
            {QStringLiteral("TemplateParam"), QStringLiteral("{\"customer\":\"test\"}")},
            {QStringLiteral("Timestamp"), QStringLiteral("2017-07-12T02:42:19Z")},
            {QStringLiteral("Version"), QStringLiteral("2017-05-25")},
        };
    }

    static smssign::Tc3Request tencentDocExample()
    {
        // Tencent Cloud API signature v3 worked example (CVM DescribeInstances).
        smssign::Tc3Request r;
        r.method = "POST";
        r.path = "/";
        r.query = "";
        r.contentType = "application/json; charset=utf-8";
        r.host = "cvm.tencentcloudapi.com";
        r.payload = R"({"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]})";
        r.service = QStringLiteral("cvm");
        r.timestamp = 1551113065;
        return r;
    }

private slots:
    void aliyunPercentEncoding()
    {
        QCOMPARE(smssign::aliyunPercentEncode(QStringLiteral("a b*c~d")), QByteArray("a%20b%2Ac~d"));
        QCOMPARE(smssign::aliyunPercentEncode(QStringLiteral("A-Z_0.9")), QByteArray("A-Z_0.9"));
        QCOMPARE(smssign::aliyunPercentEncode(QStringLiteral("{\"k\":\"v\"}+/=&")), QByteArray("%7B%22k%22%3A%22v%22%7D%2B%2F%3D%26"));
        QCOMPARE(smssign::aliyunPercentEncode(QStringLiteral("阿")), QByteArray("%E9%98%BF"));
    }

    void aliyunPublishedVector()
    {
        QCOMPARE(smssign::aliyunSignature("GET", aliyunDemoParams(), QStringLiteral("testSecret")),
                 QStringLiteral("zJDF+Lrzhj/ThnlvIToysFRq6t4="));
    }

    void aliyunSortsParametersItself()
    {
        smssign::Params shuffled = aliyunDemoParams();
        std::reverse(shuffled.begin(), shuffled.end());
        QCOMPARE(smssign::aliyunSignature("GET", shuffled, QStringLiteral("testSecret")), QStringLiteral("zJDF+Lrzhj/ThnlvIToysFRq6t4="));
        QVERIFY(smssign::aliyunStringToSign("GET", shuffled).startsWith("GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26"));
    }

    void aliyunAnyChangeBreaksTheSignature()
    {
        smssign::Params p = aliyunDemoParams();
        p[3].second = QStringLiteral("124");
        QVERIFY(smssign::aliyunSignature("GET", p, QStringLiteral("testSecret")) != QStringLiteral("zJDF+Lrzhj/ThnlvIToysFRq6t4="));
        QVERIFY(smssign::aliyunSignature("GET", aliyunDemoParams(), QStringLiteral("testSecreT")) != QStringLiteral("zJDF+Lrzhj/ThnlvIToysFRq6t4="));
    }

    void tencentPublishedVector()
    {
        const smssign::Tc3Request r = tencentDocExample();
        QCOMPARE(QCryptographicHash::hash(r.payload, QCryptographicHash::Sha256).toHex(),
                 QByteArray("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064"));
        QCOMPARE(QCryptographicHash::hash(smssign::tc3CanonicalRequest(r), QCryptographicHash::Sha256).toHex(),
                 QByteArray("5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031"));
        QCOMPARE(smssign::tc3StringToSign(r),
                 QByteArray("TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n"
                            "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031"));
        QCOMPARE(smssign::tc3Signature(r, QStringLiteral("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE")),
                 QStringLiteral("72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168"));
        QCOMPARE(smssign::tc3Authorization(r, QStringLiteral("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE"),
                                           QStringLiteral("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE")),
                 QByteArray("TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, "
                            "SignedHeaders=content-type;host, "
                            "Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168"));
    }

    void tencentDateIsUtcNotBeijing()
    {
        // 2019-02-25T23:30:00Z is already the 26th in Beijing (UTC+8); the scope keeps the 25th.
        QCOMPARE(smssign::tc3CredentialDate(1551137400), QStringLiteral("2019-02-25"));
        QCOMPARE(smssign::tc3CredentialDate(1551139200), QStringLiteral("2019-02-26")); // midnight UTC
    }

    void genericSignatureIsHmacSha256OverTheDocumentedString()
    {
        const QByteArray body = R"({"phone":"13800000000"})";
        const QByteArray sts = smssign::genericStringToSign("POST", "/sms/send", "1700000000", "n-1", body);
        QCOMPARE(sts, "POST\n/sms/send\n1700000000\nn-1\n" + QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex());
        QCOMPARE(smssign::genericSignature("POST", "/sms/send", "1700000000", "n-1", body, QStringLiteral("k")),
                 QString::fromLatin1(QMessageAuthenticationCode::hash(sts, "k", QCryptographicHash::Sha256).toHex()));
    }

    void constantTimeComparison()
    {
        QVERIFY(smssign::sameSignature("abc", "abc"));
        QVERIFY(!smssign::sameSignature("abc", "abd"));
        QVERIFY(!smssign::sameSignature("abc", "abcd"));
    }
};

QTEST_GUILESS_MAIN(TestSmsSigning)
#include "tst_smssigning.moc"

namespace Wix.Auth.SpecGen.Cases;

/// <summary>
/// The raw ingredients of callback URLs, biased toward what decoders get wrong. Shared by the parse vectors
/// and the differential check's generators, so both probe the same corners.
/// </summary>
public static class UrlPieces
{
    /// <summary>The redirect URI the callbacks go to.</summary>
    public const string Base = "https://shop.example/callback";

    /// <summary>Whole parameter strings (after <c>#</c> or <c>?</c>), each one corner of the decoder.</summary>
    public static readonly IReadOnlyList<string> ParameterStrings =
    [
        "code=abc&state=xyz",
        "state=xyz&code=abc",
        "code=a+b&state=s+t",
        "code=a%20b&state=%41%42",
        "code=%E2%9C%93&state=%C3%A9",
        "code=✓&state=é",
        "code=%F0%9F%98%80&state=😀",
        "code=%zz&state=%4",
        "code=%&state=%%41",
        "code=%E2%9C&state=x",
        "code=%FF&state=%C3",
        "code=%ED%A0%80&state=x",
        "code=a%00b&state=x",
        "code=a%2Bb&state=x%26y%3Dz",
        "code=&state=xyz",
        "code=abc&state=",
        "code=&state=",
        "code&state=xyz",
        "code=abc",
        "state=xyz",
        "",
        "&",
        "=",
        "code=a&code=b&state=xyz",
        "code=a&state=x&state=y",
        "code=a&state=x&code=",
        "error=access_denied&error=server_error&state=x",
        "error=access_denied&error_description=a&error_description=b",
        "code=a&state=x&iss=https%3A%2F%2Fwww.wix.example&iss=y",
        "error=access_denied&error_description=The+member+cancelled.&state=xyz",
        "error=access_denied",
        "error=login_required&state=xyz",
        "error=&code=abc&state=xyz",
        "error=access_denied&code=abc&state=xyz",
        "code=abc&state=xyz&error_description=only+a+description",
        "code=abc&state=xyz&iss=https%3A%2F%2Fwww.wix.example",
        "iss=&code=abc&state=xyz",
        "code=a=b&state=x==y",
        "&&code=abc&&state=xyz&&",
        "CODE=abc&State=xyz",
        "c%6Fde=abc&st%61te=xyz",
        "code+=abc&state=xyz",
        "code%20=abc&state=xyz",
        "code=abc;state=xyz",
        "code=abc&state=x?y=z",
        "code=abc&state=xyz#more",
        "code=abc&state=xyz&extra=1&flag",
        "code=a b&state=x y",
        "code=a\tb&state=x\ny",
        "code=a&state=\r\nxyz",
        "code=%2525&state=%252",
        "code=%c3%a9&state=%C3%A9",
        "code=\u00e9\u0301&state=\u0130",
        "error=access_denied&error_description=%E2%80%9Cquoted%E2%80%9D+%26+more&state=xyz",
        // Which duplicate is named when two are: the first to appear a second time.
        "code=a&state=x&state=y&code=b",
        "state=x&code=a&code=b&state=y",
        "iss=i&error=e&error=f&iss=j",
        // An empty error is no error, with or without '='; pairs with an empty name are ignored.
        "error&code=abc&state=xyz",
        "=&code=abc&=x&state=xyz",
        // Bytes that are no character alone, lower-case escapes, a cut-off escape before '&'.
        "code=%80&state=%7f",
        "code=a%80b&state=%e2%82%ac",
        "code=%4&state=%g4",
        // A cut-off escape at the end of a value that also holds a non-ASCII character or escape stays as written.
        "code=%C3%A9%4&state=%C3%A9%", "code=\u00e9%4&state=\u00e9%",
    ];

    /// <summary>Names a generator combines: the protocol's, near misses, and others.</summary>
    public static readonly IReadOnlyList<string> Names =
        ["code", "state", "error", "error_description", "iss", "c%6Fde", "st%61te", "Code", "code ", "code+", "x", "", "%", "?code", "#state"];

    /// <summary>Values a generator combines.</summary>
    public static readonly IReadOnlyList<string> Values =
    [
        "abc", "", "a+b", "a%20b", "%zz", "%", "%4", "%41", "%E2%9C%93", "%E2%9C", "%FF", "✓", "é", "😀", "a=b", "a?b", "a/b",
        "%2B", "%26", "%3D", "%23", "+", "++", "\t", "\n", "x\ty", " ", "%00", "access_denied", "https%3A%2F%2Fwww.wix.example",
    ];

    /// <summary>Starts of URLs, valid and not, each followed by a generated query or fragment.</summary>
    public static readonly IReadOnlyList<string> Prefixes =
    [
        Base, "https://shop.example", "http://localhost:3000/cb", "HTTPS://SHOP.EXAMPLE/cb", "https://shop.example/a b",
        "https://user:pw@shop.example/cb", "https://[::1]:8443/cb", "com.example.app:/oauth/callback", "  https://shop.example/cb",
        "\thttps://shop.example/cb", "https://shop.example:99999/cb", "https://", "/callback", "shop.example/callback", "not a url",
        "https://sh\nop.example/cb", "https://shop.example/cb?x=1",
        // Hosts and schemes where URL parsers part ways (the WHATWG parser behind new URL() is the reference).
        "https://256.256.256.256/cb", "https://1.2.3.4.5/cb", "https://0x7f.1/cb", "https://999999999999/cb", "https://[::1/cb",
        "https://[1:2:3]/cb", "https://[::1]x/cb", "https://xn--a/cb", "https://exa%41mple.com/cb", "https://ex%zzample.com/cb",
        "https://%E2%9C%93.example/cb", "https://ÉXAMPLE.com/cb", "https://a b.com/cb", "https://shop.example:/cb", "https://:443/cb",
        "https://@shop.example/cb", "https://shop.example\\cb", "https://shop.example./cb", "https://x_y.example/cb",
        "https://sh\u00adop.example/cb", "https://a%2Fb.example/cb", "https://a%00b.example/cb", "https://\u0430pple.example/cb",
        "file:///tmp/cb", "http:shop.example/cb", "https:/shop.example/cb", "HtTp://shop.example/cb", "mailto:x@y.example",
        "javascript:alert(1)", "a:", "1http://x", "https://a.1/cb", "https://0x7f.1/cb", "ws://shop.example/cb", "blob:https://shop.example/x",
        // The IPv4 parser's edges: dotted quads, the largest value of each form, octal and hex parts, too many parts.
        "http://127.0.0.1:3000/cb", "http://255.255.255.255/cb", "http://256.1.1.1/cb", "http://1.1.1.256/cb", "http://4294967295/cb",
        "http://4294967296/cb", "http://1.16777215/cb", "http://1.16777216/cb", "http://1.1.65535/cb", "http://1.1.65536/cb",
        "http://0300.0250.0.1/cb", "http://08.1.1.1/cb", "http://0xff.0XFF.0xfF.0/cb", "http://0x.1.1.1/cb", "http://0x100.1.1.1/cb",
        "http://a.09/cb", "http://a.9a/cb", "http://a.0x/cb", "http://a.1-/cb", "http://1..1/cb", "http://127.0.0.1./cb",
        // IPv6 with and without a port or a zone; ports at and past the largest; schemes of one letter and of native apps.
        "http://[::1]/cb", "http://[2001:db8::1]:65535/cb", "http://[::ffff:127.0.0.1]/cb", "http://[fe80::1%25eth0]/cb", "http://[127.0.0.1]/cb",
        "http://[]/cb", "http://a.example:65535/cb", "http://a.example:65536/cb", "http://a.example:8a/cb", "http://a.example:00080/cb",
        "a:/cb", "a+b-c.d:x", "a_b:/cb", ":/cb", "com.example.app:/cb",
        // Domains through UTS 46 and the forbidden code points.
        "https://xn--bcher-kva.example/cb", "https://bücher.1/cb", "https://a^b.example/cb", "https://a|b.example/cb", "https:\\\\shop.example/cb",
        "https://a@b@shop.example/cb",
        // The examples of parsing.md's rules that the prefixes above do not already show (tests/Spec/Prose checks them).
        "1a:/cb", ":x", "https:a.example/cb", "https:\\\\a.example/cb", "https:///a.example/cb", "http://a.example:-1/cb", "http://a.example:+80/cb",
        "https://a..b/cb",
        // The special schemes other than http(s) read their host as http does (an IPv4 past 255 fails); a C0 control
        // first is trimmed; a '?' or '#' ends the authority, so a user before it leaves no host; '+' is no space in a host,
        // percent-decoded or not.
        "ws://256.256.256.256/cb", "wss://1.2.3.4.5/cb", "ftp://0x100.1.1.1/cb", "\u0001https://shop.example/cb",
        "https://?@shop.example/cb", "https://#@shop.example/cb", "https://a+b.example/cb", "https://a+%62.example/cb",
        // file: "//" (either slash) starts a host: none, a drive letter, or a special host without port or user.
        "file://h:1/cb", "file:\\\\h:1/cb", "file:/\\h:1/cb", "file:\\/h:1/cb", "file:/h:1/cb", "file:h:1/cb", "file://C:/cb",
        "file://C|/cb", "file://a|/cb", "file://CC:/cb", "file://1:/cb", "file://C:x/cb", "file://Cx/cb", "file://shop.example/cb",
        "file://256.1.1.1/cb", "file://localhost/cb",
        // Other schemes (a native app's): after "//" an opaque host, a user only before a host, a port only after one.
        "x:ab:/cb", "com.example.app:ab@/cb", "myapp://callback/cb", "myapp://callback?x", "myapp://h:1/cb", "myapp://h:/cb",
        "myapp://h:65535/cb", "myapp://h:65536/cb", "myapp://h:99999/cb", "myapp://h:8a/cb", "myapp://h:+1/cb", "myapp://:1/cb",
        "myapp://u@/cb", "myapp://@/cb", "myapp://u@:1/cb", "myapp://u@h/cb", "myapp://@h/cb", "myapp://u:p@h:1/cb", "myapp://@h:1/cb",
        "myapp://u@h@g/cb", "myapp:///cb", "myapp://a/cb", "myapp://256.1.1.1/cb", "myapp://a%zz/cb", "myapp://[::1]/cb",
        "myapp://[::1]:1/cb", "myapp://[::1]:/cb", "myapp://[::1]:65536/cb", "myapp://[::1/cb", "myapp://[::1]x/cb", "myapp://[::1]]/cb",
        "myapp://[zz]/cb", "myapp://[1:2]/cb", "myapp://a b/cb", "myapp://a^b/cb", "myapp://a<b/cb", "myapp://<a/cb", "myapp://|a/cb",
        "myapp://a]/cb", "myapp://a\\b/cb",
    ];
}

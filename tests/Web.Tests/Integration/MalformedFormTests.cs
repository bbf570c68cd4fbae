using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Wix.Auth.Emulator;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Web.Tests.Integration;

/// <summary>
/// The malformed form posts that answered 500 (issue 15, finding 5) — to the two endpoints that read a form — answer 400
/// with the host's page, for a visitor and for a member in the middle of a login, and change nothing.
/// </summary>
public sealed class MalformedFormTests
{
    private static readonly string[] Endpoints = ["auth/logout", "auth/callback-fragment"];

    public static TheoryData<string> Bodies => new(Malformed.Keys.ToArray());

    private static readonly Dictionary<string, Func<HttpContent>> Malformed = new()
    {
        ["multipart without a boundary"] = () => Raw("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n", "multipart/form-data"),
        ["multipart with a broken part"] = () => Raw("--x\r\nContent-Disposition: form-data\r\n\r\nb", "multipart/form-data; boundary=x"),
        ["charset utf-7"] = () => Raw("a=b", "application/x-www-form-urlencoded; charset=utf-7"),
        ["unknown charset"] = () => Raw("a=b", "application/x-www-form-urlencoded; charset=nonsense-42"),
        ["more than 1,024 values"] = () => Raw(string.Join("&", Enumerable.Range(0, 1100).Select(i => $"k{i}=v")), "application/x-www-form-urlencoded"),
        ["a 4 MB value"] = () => Raw("fragment=" + new string('a', 4 * 1024 * 1024 + 1), "application/x-www-form-urlencoded"),
        ["a 100 KB key"] = () => Raw(new string('k', 100 * 1024) + "=v", "application/x-www-form-urlencoded"),
        ["invalid percent-encoding"] = () => Raw("fragment=%E0%A4%A&%", "application/x-www-form-urlencoded"),
        ["a multipart file of 1 MB"] = () =>
        {
            var multipart = new MultipartFormDataContent("b0undary");
            multipart.Add(new ByteArrayContent(new byte[1024 * 1024]), "fragment", "f.bin");
            return multipart;
        },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_malformed_form_answers_400_with_a_page_and_keeps_the_login_in_progress(string body)
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();
        var callback = await browser.SignInAtWixAsync(await browser.BeginLoginAsync(site.Url), DemoData.Ada);

        foreach (var endpoint in Endpoints)
        {
            using var response = await browser.PostAsync(new Uri(site.Url, endpoint), Malformed[body]());
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{endpoint}, {body}: {(int)response.StatusCode}");
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        }
        using var completed = await browser.GetAsync(callback);
        Assert.Equal(HttpStatusCode.Found, completed.StatusCode);
    }

    private static StringContent Raw(string body, string contentType)
    {
        var content = new StringContent(body, Encoding.ASCII);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }
}

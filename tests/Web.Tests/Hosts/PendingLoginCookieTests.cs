using Wix.Auth.AspNetCore.Sessions;
using Wix.Auth.Core.Protocol;

namespace Wix.Auth.Web.Tests.Hosts;

/// <summary>
/// The pending-login ticket's text: what <see cref="PendingLoginCookie.Format"/> writes reads back the same, and any other
/// text is no ticket (null, never an exception: a cookie is whatever the browser sends).
/// </summary>
public sealed class PendingLoginCookieTests
{
    private const string State = "Tq9Z3rVb0cXw8yKp1LmN4oQs7uHf2jDg5aEi6tRk-_A";

    [Theory]
    [InlineData(Prompt.Login)]
    [InlineData(Prompt.None)]
    public void A_ticket_reads_back_as_written(Prompt prompt)
    {
        var ticket = new PendingLoginTicket(State, DateTimeOffset.FromUnixTimeMilliseconds(1_796_000_000_123), prompt);

        var text = PendingLoginCookie.Format(ticket);

        Assert.Equal($"v1.{(int)prompt}.1796000000123.{State}", text);
        Assert.Equal(ticket, PendingLoginCookie.Parse(text));
    }

    [Fact]
    public void A_state_with_dots_is_all_that_follows_the_third()
    {
        var ticket = new PendingLoginTicket("a.b.c", DateTimeOffset.UnixEpoch, Prompt.Login);

        Assert.Equal(ticket, PendingLoginCookie.Parse(PendingLoginCookie.Format(ticket)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1.0.1796000000123.")]
    [InlineData("v1.0.1796000000123")]
    [InlineData("v2.0.1796000000123." + State)]
    [InlineData("V1.0.1796000000123." + State)]
    [InlineData("v1.2.1796000000123." + State)]
    [InlineData("v1.01.1796000000123." + State)]
    [InlineData("v1.-1.1796000000123." + State)]
    [InlineData("v1.0.-1796000000123." + State)]
    [InlineData("v1.0.+1796000000123." + State)]
    [InlineData("v1.0.1796000000123x." + State)]
    [InlineData("v1.0.." + State)]
    [InlineData("v1.0.1234567890123456." + State)]
    [InlineData("v1.0.999999999999999." + State)]
    [InlineData("CfDJ8Ouq1mP3oEIX2AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Anything_else_is_no_ticket(string? text) => Assert.Null(PendingLoginCookie.Parse(text));

    [Fact]
    public void A_text_longer_than_any_ticket_is_not_read()
    {
        Assert.NotNull(PendingLoginCookie.Parse("v1.0.0." + new string('s', 1024 - 7)));
        Assert.Null(PendingLoginCookie.Parse("v1.0.0." + new string('s', 1024 - 6)));
    }
}

using System.Diagnostics;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Emulator;
using Wix.Auth.Emulator.Faults;
using static Wix.Auth.Effects.Tests.Support.Harness;

namespace Wix.Auth.Effects.Tests.Telemetry;

/// <summary>The Wix.Auth spans and instruments, read with the BCL's listeners while the flow runs against the emulator.</summary>
/// <remarks>Alone in its collection: the listeners hear every client in the process, so no other test may run meanwhile.</remarks>
[Collection(nameof(TelemetryTests))]
[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryTests
{
    [Fact]
    public async Task A_login_is_a_span_per_call_to_wix_with_its_request_id_and_is_counted_started_and_completed()
    {
        await using var h = await StartAsync();
        using var telemetry = new TelemetryRecorder();

        var tokens = await h.LogInAsync();

        var spans = telemetry.Spans.OrderBy(s => s.StartTimeUtc).ToList();
        Assert.Equal(["anonymous", "login", "authorization_code"], spans.Select(s => (string?)s.GetTagItem("wix.grant")));
        Assert.All(spans, span =>
        {
            Assert.Equal(ActivityKind.Client, span.Kind);
            Assert.Equal("ok", span.GetTagItem("wix.outcome"));
            Assert.Equal(200, span.GetTagItem("http.response.status_code"));
            Assert.StartsWith("emu-", (string?)span.GetTagItem("wix.request_id") ?? "");   // the emulator's x-wix-request-id
        });
        Assert.Equal(["/oauth2/token", "/_api/redirects-api/v1/redirect-session", "/oauth2/token"], spans.Select(s => (string?)s.GetTagItem("wix.endpoint")));
        Assert.Equal(1, telemetry.Sum("wix_auth.logins.started"));
        Assert.Equal(1, telemetry.Sum("wix_auth.logins.completed"));
        Assert.Equal(0, telemetry.Sum("wix_auth.logins.failed"));
        Assert.Equal(3, telemetry.Measurements.Count(m => m.Instrument == "wix_auth.wix.call.duration" && m.Value > 0));

        // Never a secret: no tag of any span or measurement holds a token.
        var values = spans.SelectMany(s => s.TagObjects).Concat(telemetry.Measurements.SelectMany(m => m.Tags)).Select(t => t.Value?.ToString() ?? "").ToList();
        Assert.DoesNotContain(values, v => v.Contains(tokens.AccessToken.Value.Reveal()) || v.Contains(tokens.RefreshToken.Value.Reveal()));
    }

    [Fact]
    public async Task A_refused_refresh_is_counted_as_a_refresh_and_a_session_ended()
    {
        await using var h = await StartAsync(e => e with { AccessTokenLifetime = TimeSpan.FromSeconds(120), RotateRefreshTokens = true });
        var first = await h.LogInAsync();
        h.Time.Advance(TimeSpan.FromSeconds(90));
        Right(await h.Client.RenewTokenAsync());
        using var telemetry = new TelemetryRecorder();

        await h.Client.SetTokensAsync(first);   // its refresh token was rotated away
        h.Time.Advance(TimeSpan.FromSeconds(200));
        Assert.Equal("refresh_rejected", Left(await h.Client.RenewTokenAsync()).Code);

        Assert.Equal(1, telemetry.Sum("wix_auth.refreshes", ("wix.outcome", "refresh_rejected")));
        Assert.Equal(1, telemetry.Sum("wix_auth.refreshes.refused"));
        var span = Assert.Single(telemetry.Spans);
        Assert.Equal(("refresh_token", "invalid_grant", 400), ((string?)span.GetTagItem("wix.grant"), span.GetTagItem("error.type"), span.GetTagItem("http.response.status_code")));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
    }

    [Fact]
    public async Task A_successful_refresh_is_counted_by_its_outcome()
    {
        await using var h = await StartAsync(e => e with { AccessTokenLifetime = TimeSpan.FromSeconds(120) });
        await h.LogInAsync();
        using var telemetry = new TelemetryRecorder();
        h.Time.Advance(TimeSpan.FromSeconds(90));

        Right(await h.Client.RenewTokenAsync());

        Assert.Equal(1, telemetry.Sum("wix_auth.refreshes", ("wix.outcome", "ok")));
        Assert.Equal(0, telemetry.Sum("wix_auth.refreshes.refused"));
    }

    [Fact]
    public async Task A_callback_past_its_pending_logins_ttl_is_counted_expired_and_failed_with_its_code()
    {
        await using var h = await StartAsync();
        var data = h.NewOAuthData();
        var callback = await h.Browser.SignInAsync(Right(await h.Client.GetAuthUrlAsync(data, responseMode: ResponseMode.Query)), DemoData.Ada.Email, DemoData.Ada.Password);
        var pending = (await h.Pending.FindAsync(data.State, default)).Match(p => p, () => throw new Xunit.Sdk.XunitException("no pending login"));
        await h.Pending.SaveAsync(pending with { CreatedAt = pending.CreatedAt.AddMinutes(-11) }, TimeSpan.FromMinutes(10), default);
        using var telemetry = new TelemetryRecorder();

        Left(await h.Client.GetMemberTokensAsync(Right(h.Client.ParseFromUrl(callback.ToString(), ResponseMode.Query)), data.State));

        Assert.Equal(1, telemetry.Sum("wix_auth.pending_logins.expired"));
        Assert.Equal(1, telemetry.Sum("wix_auth.logins.failed", ("error.type", "pending_login_expired"), ("wix_auth.step", "get_member_tokens")));
        Assert.Equal(0, telemetry.Sum("wix_auth.logins.completed"));
    }

    [Fact]
    public async Task A_call_without_an_answer_is_an_error_span_and_a_failed_login_by_its_transport_code()
    {
        await using var h = await StartAsync();
        h.Emulator.Faults.Add(FaultSpec.Drop(EmulatorEndpoint.Token));
        using var telemetry = new TelemetryRecorder();

        Assert.Equal("remote_call_failed", Left(await h.Client.GetAuthUrlAsync(h.NewOAuthData())).Code);

        var span = Assert.Single(telemetry.Spans);
        Assert.Equal(("network_error", ActivityStatusCode.Error, null), (span.GetTagItem("error.type"), span.Status, span.GetTagItem("http.response.status_code")));
        Assert.Equal(1, telemetry.Sum("wix_auth.logins.failed", ("error.type", "remote_call_failed"), ("wix_auth.step", "get_auth_url")));
        Assert.Single(telemetry.Measurements, m => m.Instrument == "wix_auth.wix.call.duration" && m.Tags.Contains(new("error.type", "network_error")));
    }
}

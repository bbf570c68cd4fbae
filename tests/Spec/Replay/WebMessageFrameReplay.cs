using System.Text.Json;
using System.Text.Json.Nodes;
using LanguageExt;
using Microsoft.Extensions.Time.Testing;
using Wix.Auth.Blazor;
using Wix.Auth.Core.Parsing;
using Wix.Auth.SpecGen.Json;
using static LanguageExt.Prelude;

namespace Wix.Auth.Tests.Spec.Replay;

/// <summary>
/// The <c>web_message</c> steps through the Blazor host's <see cref="WebMessageFrame"/>, as <c>WixBrowserLogin</c> waits:
/// <c>Listen</c> is the listener it makes (the core's <see cref="WebMessageListener.For"/>, the host's only part there), and
/// each later step is one wait of the frame from the listen time on, with the page's messages and the frame's own timer.
/// </summary>
/// <remarks>
/// A wait ends at the first message it accepts, so each step gets a wait of its own (the listener holds nothing a message
/// changes). A message the frame ignores shows only in that the wait goes on: the clock is then moved to the frame's timer,
/// and a wait that ends there timed out, so the message was ignored. A timer step before the deadline would look the same
/// as one past it, so only timers past the deadline are replayed; the file has no other.
/// </remarks>
internal sealed class WebMessageFrameReplay
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private Option<(WebMessageListener Listener, string AuthUrl, DateTimeOffset Since)> listening;

    /// <summary>The <c>Listen</c> step: <c>{listening: origin}</c>, or its refusal.</summary>
    public JsonObject Listen(JsonNode e)
    {
        var since = SpecJson.ReadInstant(VectorReader.Str(e, "now"));
        var made = WebMessageListener.For(VectorReader.Str(e, "authUrl"), VectorReader.Str(e, "state"), since, TimeSpan.FromSeconds(e["timeoutSeconds"]!.GetValue<double>()));
        listening = made.Map(l => (l, VectorReader.Str(e, "authUrl"), since)).ToOption();
        return made.Match(l => new JsonObject { ["listening"] = l.AuthorizeOrigin }, error => new JsonObject { ["rejected"] = CoreJson.Error(error) });
    }

    /// <summary>A <c>Message</c> or <c>Timer</c> step: how the frame's wait ended, as <c>{outcome}</c>.</summary>
    public async Task<JsonObject> WaitAsync(JsonNode e)
    {
        var (listener, authUrl, since) = listening.Match(l => l, () => throw new FormatException("A web_message step before Listen."));
        var now = SpecJson.ReadInstant(VectorReader.Str(e, "now"));
        var clock = new FakeTimeProvider(since);
        var page = new FramePage();
        var wait = WebMessageFrame.WaitAsync(page, authUrl, listener, clock, default);
        var frame = page.Receiver?.Value ?? throw new InvalidOperationException("The frame was not opened.");
        var pushed = false;
        switch (VectorReader.Str(e, "kind"))
        {
            case "Message":
                clock.SetUtcNow(now);
                frame.Receive(VectorReader.OptStr(e, "origin").MatchUnsafe(o => o, () => null), Data(e["data"]));
                var delay = listener.TimerDelay(now);
                pushed = delay > TimeSpan.Zero;
                clock.Advance(delay);
                break;
            case "Timer" when now > listener.Deadline:
                clock.SetUtcNow(now);
                break;
            case "Timer":
                throw new FormatException("A timer before the deadline cannot be told apart through the frame (its timer fires only past it).");
            case var kind:
                throw new FormatException($"Unknown web message event '{kind}'.");
        }
        var outcome = await wait.WaitAsync(HangGuard);
        var shown = outcome switch
        {
            WebMessageOutcome.TimedOut when pushed => new JsonObject { ["outcome"] = nameof(WebMessageOutcome.Ignored) },
            WebMessageOutcome.Answered a => new JsonObject { ["outcome"] = nameof(WebMessageOutcome.Answered), ["callback"] = CoreJson.Callback(a.Callback) },
            WebMessageOutcome.Malformed m => new JsonObject { ["outcome"] = nameof(WebMessageOutcome.Malformed), ["error"] = CoreJson.Error(m.Error) },
            _ => new JsonObject { ["outcome"] = outcome.GetType().Name },
        };
        // The frame opens at the login URL and is removed however the wait ends.
        if (page.OpenedAt != authUrl) shown["frameOpenedAt"] = page.OpenedAt;
        if (!page.Closed) shown["frameLeftOpen"] = true;
        return shown;
    }

    // The string fields of a message's data; null when it is not an object.
    private static Dictionary<string, string?>? Data(JsonNode? data) => data is JsonObject fields
        ? fields.ToDictionary(p => p.Key, p => p.Value?.GetValueKind() == JsonValueKind.String ? p.Value.GetValue<string>() : null)
        : null;
}

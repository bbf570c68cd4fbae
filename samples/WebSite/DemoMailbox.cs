namespace Wix.Auth.Samples.WebSite;

/// <summary>
/// Where the demo's mails can be read: the in-process emulator sends none, it keeps them in its outbox. Null
/// <see cref="OutboxUrl"/> when the site talks to Wix (or an emulator it did not start), whose mails go to real inboxes.
/// </summary>
/// <param name="OutboxUrl">The emulator's <c>/_emulator/outbox</c>, or null.</param>
internal sealed record DemoMailbox(Uri? OutboxUrl)
{
    /// <summary>A note that links the outbox, or nothing.</summary>
    public string Note(string what) => OutboxUrl is null ? ""
        : $"<p class=\"note\" id=\"outbox-note\">This demo sends no real mail: the {HomePage.Encode(what)} is in the emulator's outbox, "
          + $"<a id=\"outbox\" href=\"{HomePage.Encode(OutboxUrl.ToString())}\">{HomePage.Encode(OutboxUrl.ToString())}</a>.</p>";
}

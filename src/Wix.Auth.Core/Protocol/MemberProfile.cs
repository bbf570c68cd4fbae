using LanguageExt;
using Wix.Auth.Core.Secrets;

namespace Wix.Auth.Core.Protocol;

/// <summary>
/// The profile a registration or Sign On sends, as the SDK sends it after its own rewriting: fields in wire order,
/// each only when set. Addresses use the wire names (<c>addressLine</c>, <c>formattedAddress</c>), dates go as ISO
/// strings with milliseconds.
/// </summary>
public sealed record MemberProfile
{
    /// <summary>First name.</summary>
    public string? FirstName { get; init; }

    /// <summary>Last name.</summary>
    public string? LastName { get; init; }

    /// <summary>Nickname (display name).</summary>
    public string? Nickname { get; init; }

    /// <summary>Picture URL.</summary>
    public string? Picture { get; init; }

    /// <summary>Language code, e.g. <c>en</c>.</summary>
    public string? Language { get; init; }

    /// <summary><c>PUBLIC</c> or <c>PRIVATE</c>.</summary>
    public string? PrivacyStatus { get; init; }

    /// <summary>Label keys, e.g. <c>custom.vip</c>.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Phones with tags (<c>phonesV2</c>).</summary>
    public IReadOnlyList<TaggedPhone> Phones { get; init; } = [];

    /// <summary>Further emails with tags.</summary>
    public IReadOnlyList<TaggedEmail> SecondaryEmails { get; init; } = [];

    /// <summary>Postal addresses with tags.</summary>
    public IReadOnlyList<TaggedAddress> Addresses { get; init; } = [];

    /// <summary>Extended fields by key, e.g. <c>custom.shoe-size</c>.</summary>
    public IReadOnlyList<CustomField> CustomFields { get; init; } = [];
}

/// <summary>A phone number and its tag (<c>MOBILE</c>, <c>HOME</c>, …).</summary>
public sealed record TaggedPhone(string Phone, string Tag);

/// <summary>An email and its tag (<c>WORK</c>, …).</summary>
public sealed record TaggedEmail(string Email, string Tag);

/// <summary>An address and its tag (<c>HOME</c>, …).</summary>
public sealed record TaggedAddress(string Tag, PostalAddress Address);

/// <summary>A postal address, fields in the SDK's wire order; each sent only when set.</summary>
public sealed record PostalAddress
{
    /// <summary>City.</summary>
    public string? City { get; init; }

    /// <summary>Subdivision code, e.g. <c>US-IL</c>.</summary>
    public string? Subdivision { get; init; }

    /// <summary>ISO country code.</summary>
    public string? Country { get; init; }

    /// <summary>Postal code.</summary>
    public string? PostalCode { get; init; }

    /// <summary>The whole address on one line (the SDK's <c>formatted</c>).</summary>
    public string? FormattedAddress { get; init; }

    /// <summary>Street line (the SDK's <c>addressLine1</c>).</summary>
    public string? AddressLine { get; init; }

    /// <summary>Second street line.</summary>
    public string? AddressLine2 { get; init; }
}

/// <summary>An extended field: its key and one typed value.</summary>
public sealed record CustomField(string Name, CustomFieldValue Value);

/// <summary>The value of an extended field: exactly one of text, number or date.</summary>
public abstract record CustomFieldValue
{
    private CustomFieldValue() { }

    /// <summary><c>{"strValue"}</c>.</summary>
    public sealed record Text(string Value) : CustomFieldValue;

    /// <summary><c>{"numValue"}</c>: a finite number (the SDK sends a non-finite one as a string; we refuse it).</summary>
    public sealed record Number(double Value) : CustomFieldValue;

    /// <summary><c>{"dateValue"}</c>: sent as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>, as JavaScript's <c>toISOString</c>.</summary>
    public sealed record Date(DateTimeOffset Value) : CustomFieldValue;
}

/// <summary>
/// Captcha answers from the page's reCAPTCHA widgets: sent as one array element holding the keys given
/// (<c>Recaptcha</c>, <c>InvisibleRecaptcha</c>). Tokens are secrets: masked in <c>ToString()</c>.
/// </summary>
/// <param name="Recaptcha">The visible widget's token, when the page shows one.</param>
/// <param name="InvisibleRecaptcha">The invisible widget's token, when the page uses one.</param>
public sealed record CaptchaTokens(Secret? Recaptcha, Secret? InvisibleRecaptcha = null);

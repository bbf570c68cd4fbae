using LanguageExt;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;

namespace Wix.Auth.Core.Flow;

/// <summary>
/// How the member proves who they are at Wix's authorize endpoint, which decides what the login URL carries
/// (decided by <see cref="LoginFlow.Transition"/>): Wix's own login page, a session token from the site's own form, or a social
/// identity provider.
/// </summary>
public abstract record LoginMethod
{
    private LoginMethod() { }

    /// <summary>Wix's login page (the default).</summary>
    public static LoginMethod WixPage { get; } = new Page();

    /// <summary>Wix's login page: nothing more in the login URL.</summary>
    public sealed record Page : LoginMethod;

    /// <summary>
    /// The session token Wix answered the site's own form with (<c>login</c>, <c>register</c>, a verified code): sent as
    /// <c>sessionToken</c> with <c>prompt=none</c>, since the member has logged in already and no page may be shown.
    /// Spent by the login URL: it is never stored.
    /// </summary>
    public sealed record WithSessionToken(Secret SessionToken) : LoginMethod
    {
        /// <summary>The member the form's answer named, when Wix named one: the login's member from the start.</summary>
        public Option<MemberIdentity> Member { get; init; }

        /// <summary>Masks the token.</summary>
        public override string ToString() => $"{nameof(WithSessionToken)} {{ SessionToken = {Secret.Mask}, Member = {Member} }}";
    }

    /// <summary>A social identity provider's page (<c>idp</c>): Google, Facebook or one of the site's connections.</summary>
    public sealed record Social(IdentityProvider Provider) : LoginMethod;
}

namespace Wix.Auth.AspNetCore;

/// <summary>Names of the member authentication scheme and its claims.</summary>
public static class WixMemberDefaults
{
    /// <summary>The authentication scheme of Wix members; the default scheme after <c>AddAspNetCore</c>.</summary>
    public const string AuthenticationScheme = "WixMember";

    /// <summary>The claim naming the member's session (a hash, never the cookie value); stable for the session's life.</summary>
    public const string SessionClaim = "wix:session";

    /// <summary>The claim holding the member's Wix member ID.</summary>
    public const string MemberIdClaim = "wix:member_id";

    /// <summary>The claim holding the member's Wix contact ID, when Wix gave it (the site's own forms).</summary>
    public const string ContactIdClaim = "wix:contact_id";
}

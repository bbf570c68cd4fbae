using Wix.Auth.Emulator.Model;
using Wix.Auth.Emulator.Protocol;

namespace Wix.Auth.Emulator.Endpoints;

/// <summary><c>GET /members/v1/members/my</c>: the member behind a member access token.</summary>
internal static class MembersEndpoint
{
    public static IResult Handle(HttpContext context, EmulatorState state)
    {
        var token = AccessTokenHeader.TokenOf(context.Request);
        var grant = token is null ? null : state.ActiveAccessToken(token);
        if (grant is null) return WixError.Unauthenticated("The access token is missing, unknown or expired.");
        if (grant.Subject.Member is not { } member)
            return WixError.Unauthenticated("The access token belongs to a visitor, not a member.");
        return EmulatorJson.Result(new MemberResponse(Describe(member)));
    }

    private static Member Describe(DemoMember member) => new(
        member.Id,
        member.Email,
        "APPROVED",
        new Profile(member.Nickname, member.Nickname.ToLowerInvariant().Replace(' ', '-')),
        new Contact(member.FirstName, member.LastName));

    internal sealed record MemberResponse(Member Member);

    internal sealed record Member(string Id, string LoginEmail, string Status, Profile Profile, Contact Contact);

    internal sealed record Profile(string Nickname, string Slug);

    internal sealed record Contact(string FirstName, string LastName);
}

namespace Wix.Auth.Emulator.Model;

/// <summary>Who a token speaks for.</summary>
internal enum SubjectType { Visitor, Member }

/// <summary>A visitor (anonymous, with a random ID) or a member.</summary>
internal sealed record Subject(SubjectType Type, string Id, DemoMember? Member)
{
    public static Subject NewVisitor() => new(SubjectType.Visitor, Guid.NewGuid().ToString(), null);

    public static Subject For(DemoMember member) => new(SubjectType.Member, member.Id, member);
}

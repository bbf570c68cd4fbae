using System.Collections.Concurrent;

namespace Wix.Auth.Emulator.MemberAuth;

/// <summary>What a registration came to.</summary>
internal enum Registration { Created, EmailExists, Full }

/// <summary>
/// Every member, by email (case-insensitive) and by ID, bounded by <see cref="MemberAuthOptions.MaxMembers"/>.
/// Registering is one <c>TryAdd</c> on the email, so two concurrent sign-ups with one email cannot both win.
/// </summary>
internal sealed class MemberDirectory
{
    private readonly ConcurrentDictionary<string, MemberAccount> byEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> emailById = new(StringComparer.Ordinal);
    private readonly int capacity;
    private int count;

    public MemberDirectory(EmulatorOptions options)
    {
        capacity = Math.Max(options.MemberAuth.MaxMembers, options.Members.Count);
        var now = options.TimeProvider.GetUtcNow();
        foreach (var member in options.Members) Add(MemberAccount.From(member, now));
    }

    public int Count => Volatile.Read(ref count);

    public IReadOnlyList<MemberAccount> All => [.. byEmail.Values.OrderBy(m => m.CreatedAt).ThenBy(m => m.Email, StringComparer.Ordinal)];

    public MemberAccount? FindByEmail(string? email) =>
        email is not null && byEmail.TryGetValue(email.Trim(), out var member) ? member : null;

    public MemberAccount? FindById(string? id) =>
        id is not null && emailById.TryGetValue(id, out var email) ? FindByEmail(email) : null;

    /// <summary>The member with this email and password, whatever their state; null otherwise.</summary>
    public MemberAccount? Authenticate(string? email, string? password) =>
        FindByEmail(email) is { } member && password is not null && member.Password == password ? member : null;

    public Registration TryRegister(MemberAccount member)
    {
        if (Interlocked.Increment(ref count) > capacity)
        {
            Interlocked.Decrement(ref count);
            return byEmail.ContainsKey(member.Email) ? Registration.EmailExists : Registration.Full;
        }
        if (!byEmail.TryAdd(member.Email, member))
        {
            Interlocked.Decrement(ref count);
            return Registration.EmailExists;
        }
        emailById[member.Id] = member.Email;
        return Registration.Created;
    }

    /// <summary>Applies <paramref name="change"/> to the member's latest record; null when there is no such member.</summary>
    public MemberAccount? Update(string id, DateTimeOffset now, Func<MemberAccount, MemberAccount> change)
    {
        while (FindById(id) is { } current)
        {
            var next = change(current) with { UpdatedAt = now, Revision = current.Revision + 1 };
            if (byEmail.TryUpdate(current.Email, next, current)) return next;
        }
        return null;
    }

    /// <summary>Forgets the member; false when there is no such member.</summary>
    public bool Remove(string id)
    {
        if (!emailById.TryRemove(id, out var email) || !byEmail.TryRemove(email, out _)) return false;
        Interlocked.Decrement(ref count);
        return true;
    }

    private void Add(MemberAccount member)
    {
        byEmail[member.Email] = member;
        emailById[member.Id] = member.Email;
        count++;
    }
}

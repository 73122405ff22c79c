using Bot.Handoff.Staff;
using Microsoft.AspNetCore.Identity;

namespace Bot.Host.Staff;

/// <summary>PBKDF2 password hashes (ASP.NET Core Identity's hasher, from the shared framework: salted, versioned, re-hashable).</summary>
internal sealed class StaffPasswords
{
    private readonly PasswordHasher<StaffMember> _hasher = new();

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    public bool Verify(StaffMember member, string password) =>
        _hasher.VerifyHashedPassword(member, member.PasswordHash, password) != PasswordVerificationResult.Failed;
}

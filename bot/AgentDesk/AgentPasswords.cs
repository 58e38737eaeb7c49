using Microsoft.AspNetCore.Identity;

namespace SupportBot.Bot.AgentDesk;

/// <summary>
/// Agent password hashes: ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2 with HMAC-SHA512,
/// a random salt, the iteration count stored in the hash), from the shared framework.
/// </summary>
internal static class AgentPasswords
{
    /// <summary>Identity's version 3 format starts with this byte (the only one we write or accept).</summary>
    private const byte FormatV3 = 0x01;

    private static readonly PasswordHasher<AgentAccount> Hasher = new();

    /// <summary>Compared against when the id is unknown, so an unknown id costs as much time as a wrong password.</summary>
    private static readonly Lazy<string> DecoyHash = new(() => Hasher.HashPassword(new AgentAccount(), Guid.NewGuid().ToString("N")));

    public static string Hash(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        return Hasher.HashPassword(new AgentAccount(), password);
    }

    /// <summary>Whether <paramref name="password"/> is the password of <paramref name="agent"/> (null: an unknown id, always false).</summary>
    public static bool Verify(AgentAccount? agent, string password)
    {
        if (agent is null)
        {
            Hasher.VerifyHashedPassword(new AgentAccount(), DecoyHash.Value, password);
            return false;
        }

        return Hasher.VerifyHashedPassword(agent, agent.PasswordHash, password) != PasswordVerificationResult.Failed;
    }

    public static bool IsWellFormedHash(string? hash)
    {
        if (string.IsNullOrWhiteSpace(hash))
        {
            return false;
        }

        var bytes = new byte[hash.Length];
        // Format v3: marker, PRF, iteration count, salt length (3 big-endian uints), salt (≥ 16 bytes), subkey (≥ 16 bytes).
        return Convert.TryFromBase64String(hash, bytes, out var length) && length >= 13 + 32 && bytes[0] == FormatV3;
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SupportBot.Core.Support.Customers;

namespace SupportBot.Core.Support.Sqlite;

/// <summary>
/// One-time codes: six random digits bound to the requesting identity and the customer whose address
/// they were mailed to; stored salted and hashed, usable once, for a limited time and number of tries.
/// </summary>
internal sealed partial class SqliteCustomerService
{
    public Task<VerificationCode?> IssueCodeAsync(ChannelIdentity requester, string emailAddress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requester);
        cancellationToken.ThrowIfCancellationRequested();
        var address = emailAddress?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(address) || address.Length > 320)
        {
            return Task.FromResult<VerificationCode?>(null);
        }

        return Task.FromResult(database.Write<VerificationCode?>((connection, tx) =>
        {
            if (Sql.Scalar(connection, tx, "SELECT id FROM support_customers WHERE email = $email ORDER BY id LIMIT 1;", ("$email", address)) is not string customerId)
            {
                return null;
            }

            var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            var salt = RandomNumberGenerator.GetBytes(16);
            var expiresAt = database.Now + options.CodeLifetime;
            Sql.Execute(connection, tx, """
                INSERT INTO support_codes (channel, identity, customer_id, address, salt, code_hash, expires_at, attempts, used_at)
                VALUES ($channel, $identity, $customer, $address, $salt, $hash, $expires, 0, NULL)
                ON CONFLICT (channel, identity) DO UPDATE SET customer_id = excluded.customer_id, address = excluded.address, salt = excluded.salt,
                    code_hash = excluded.code_hash, expires_at = excluded.expires_at, attempts = 0, used_at = NULL;
                """,
                ("$channel", requester.Channel), ("$identity", requester.Id), ("$customer", customerId), ("$address", address),
                ("$salt", salt), ("$hash", Hash(salt, code)), ("$expires", Sql.Time(expiresAt)));
            return new VerificationCode(address, code, expiresAt);
        }));
    }

    public Task<VerificationResult> VerifyCodeAsync(ChannelIdentity requester, string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requester);
        cancellationToken.ThrowIfCancellationRequested();
        var typed = new string((code ?? string.Empty).Where(char.IsAsciiDigit).Take(12).ToArray());
        return Task.FromResult(database.Write((connection, tx) =>
        {
            var row = Sql.Query(connection, tx,
                "SELECT customer_id, salt, code_hash, expires_at, attempts, used_at FROM support_codes WHERE channel = $channel AND identity = $identity;",
                r => (Customer: r.GetString(0), Salt: (byte[])r[1], Hash: (byte[])r[2], ExpiresAt: Sql.Time(r.GetInt64(3)), Attempts: r.GetInt32(4), Used: !r.IsDBNull(5)),
                ("$channel", requester.Channel), ("$identity", requester.Id)).SingleOrDefault();
            if (row.Customer is null)
            {
                return new VerificationResult(VerificationStatus.NoCodeIssued, null, 0);
            }

            var now = database.Now;
            if (row.Used)
            {
                return new VerificationResult(VerificationStatus.AlreadyUsed, null, 0);
            }

            if (now >= row.ExpiresAt)
            {
                return new VerificationResult(VerificationStatus.Expired, null, 0);
            }

            if (row.Attempts >= options.MaxCodeAttempts)
            {
                return new VerificationResult(VerificationStatus.TooManyAttempts, null, 0);
            }

            if (!CryptographicOperations.FixedTimeEquals(Hash(row.Salt, typed), row.Hash))
            {
                var attempts = row.Attempts + 1;
                Sql.Execute(connection, tx, "UPDATE support_codes SET attempts = $attempts WHERE channel = $channel AND identity = $identity;",
                    ("$attempts", attempts), ("$channel", requester.Channel), ("$identity", requester.Id));
                var left = Math.Max(0, options.MaxCodeAttempts - attempts);
                return new VerificationResult(left == 0 ? VerificationStatus.TooManyAttempts : VerificationStatus.WrongCode, null, left);
            }

            Sql.Execute(connection, tx, "UPDATE support_codes SET used_at = $at WHERE channel = $channel AND identity = $identity;",
                ("$at", Sql.Time(now)), ("$channel", requester.Channel), ("$identity", requester.Id));
            Sql.Execute(connection, tx, """
                INSERT INTO support_verifications (channel, identity, customer_id, verified_at) VALUES ($channel, $identity, $customer, $at)
                ON CONFLICT (channel, identity, customer_id) DO UPDATE SET verified_at = excluded.verified_at;
                """,
                ("$channel", requester.Channel), ("$identity", requester.Id), ("$customer", row.Customer), ("$at", Sql.Time(now)));
            return new VerificationResult(VerificationStatus.Verified, row.Customer, 0);
        }));
    }

    private static byte[] Hash(byte[] salt, string code) => SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(code)]);
}

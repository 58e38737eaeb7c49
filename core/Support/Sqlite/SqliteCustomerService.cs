using System.Globalization;
using Microsoft.Data.Sqlite;
using SupportBot.Core.Support.Customers;

namespace SupportBot.Core.Support.Sqlite;

/// <summary>Customers and their channel identities in the embedded support tables.</summary>
internal sealed partial class SqliteCustomerService(SupportDatabase database, SupportServicesOptions options) : ICustomerService
{
    public Task<CustomerProfile?> LookupAsync(ChannelIdentity identity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identity);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(database.Read(connection =>
            CustomerIdFor(connection, null, identity) is { } id ? Load(connection, null, id) : null));
    }

    public Task<CustomerProfile?> GetAsync(string customerId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(string.IsNullOrWhiteSpace(customerId) ? null : database.Read(connection => Load(connection, null, customerId.Trim())));
    }

    public Task<CustomerProfile> RegisterAsync(ChannelIdentity identity, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(database.Write((connection, tx) =>
        {
            if (CustomerIdFor(connection, tx, identity) is { } existing)
            {
                return Load(connection, tx, existing)!;
            }

            var next = Convert.ToInt64(
                Sql.Scalar(connection, tx, "SELECT COALESCE(MAX(CAST(substr(id, 3) AS INTEGER)), 1000) + 1 FROM support_customers WHERE id LIKE 'C-%';"),
                CultureInfo.InvariantCulture);
            var id = "C-" + next.ToString(CultureInfo.InvariantCulture);
            var email = identity.Channel == "email" ? identity.Id : null;
            Sql.Execute(connection, tx, "INSERT INTO support_customers (id, name, email) VALUES ($id, $name, $email);",
                ("$id", id), ("$name", name.Trim()), ("$email", email));
            Link(connection, tx, identity, id);
            return Load(connection, tx, id)!;
        }));
    }

    public Task RecordOutcomeAsync(string customerId, string outcome, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(outcome);
        cancellationToken.ThrowIfCancellationRequested();
        database.Write((connection, tx) => Sql.Execute(connection, tx,
            "UPDATE support_customers SET last_outcome = $outcome, last_outcome_at = $at WHERE id = $id;",
            ("$id", customerId.Trim()), ("$outcome", outcome.Trim()), ("$at", Sql.Time(database.Now))));
        return Task.CompletedTask;
    }

    public Task<LinkResult> LinkIdentityAsync(ChannelIdentity identity, string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identity);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(database.Write((connection, tx) =>
        {
            var id = customerId?.Trim() ?? string.Empty;
            if (Sql.Scalar(connection, tx, "SELECT 1 FROM support_customers WHERE id = $id;", ("$id", id)) is null)
            {
                return LinkResult.UnknownCustomer;
            }

            var owner = CustomerIdFor(connection, tx, identity);
            if (owner == id)
            {
                return LinkResult.AlreadyLinked;
            }

            if (owner is not null)
            {
                return LinkResult.LinkedToAnotherCustomer;
            }

            var verifiedAt = Sql.Scalar(connection, tx,
                "SELECT MAX(verified_at) FROM support_verifications WHERE channel = $channel AND identity = $identity AND customer_id = $customer;",
                ("$channel", identity.Channel), ("$identity", identity.Id), ("$customer", id));
            if (verifiedAt is not long at || Sql.Time(at) + options.VerificationValidFor < database.Now)
            {
                return LinkResult.NotVerified;
            }

            Link(connection, tx, identity, id);
            return LinkResult.Linked;
        }));
    }

    private void Link(SqliteConnection connection, SqliteTransaction tx, ChannelIdentity identity, string customerId) =>
        Sql.Execute(connection, tx,
            "INSERT INTO support_identities (channel, identity, customer_id, linked_at) VALUES ($channel, $identity, $customer, $at);",
            ("$channel", identity.Channel), ("$identity", identity.Id), ("$customer", customerId), ("$at", Sql.Time(database.Now)));

    private static string? CustomerIdFor(SqliteConnection connection, SqliteTransaction? tx, ChannelIdentity identity) =>
        Sql.Scalar(connection, tx, "SELECT customer_id FROM support_identities WHERE channel = $channel AND identity = $identity;",
            ("$channel", identity.Channel), ("$identity", identity.Id)) as string;

    private static CustomerProfile? Load(SqliteConnection connection, SqliteTransaction? tx, string customerId)
    {
        var row = Sql.Query(connection, tx, "SELECT id, name, email, last_outcome, last_outcome_at FROM support_customers WHERE id = $id;",
            r => (Id: r.GetString(0), Name: r.GetString(1), Email: r.NullableString(2), Outcome: r.NullableString(3), OutcomeAt: r.NullableTime(4)),
            ("$id", customerId)).SingleOrDefault();
        if (row.Id is null)
        {
            return null;
        }

        var identities = Sql.Query(connection, tx, "SELECT channel, identity FROM support_identities WHERE customer_id = $id ORDER BY linked_at, channel, identity;",
            r => new ChannelIdentity(r.GetString(0), r.GetString(1)), ("$id", customerId));
        var tickets = SqliteTicketService.ListOpen(connection, tx, customerId);
        return new CustomerProfile(row.Id, row.Name, row.Email, identities, tickets, row.Outcome, row.OutcomeAt);
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SupportBot.Bot.AgentDesk;

/// <summary>
/// Lockout after failed sign-ins: per agent id (<see cref="AgentDeskOptions.MaxFailedSignIns"/>) and per client
/// address (<see cref="AgentDeskOptions.MaxFailedSignInsPerAddress"/>), each for
/// <see cref="AgentDeskOptions.LockoutDuration"/> from the last failure. While locked, even the right password
/// is refused, so guessing gains nothing. Kept in memory: a restart forgets it, which only helps an agent.
/// </summary>
internal sealed class SignInThrottle(IOptions<AgentDeskOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    /// <summary>How long the id or the address stays locked; zero when neither is.</summary>
    public TimeSpan LockedFor(string agentId, string address)
    {
        var now = time.GetUtcNow();
        var byId = Remaining(IdKey(agentId), options.Value.MaxFailedSignIns, now);
        var byAddress = Remaining(AddressKey(address), options.Value.MaxFailedSignInsPerAddress, now);
        return byId > byAddress ? byId : byAddress;
    }

    public void Failed(string agentId, string address)
    {
        var now = time.GetUtcNow();
        Count(IdKey(agentId), now);
        Count(AddressKey(address), now);
        Prune(now);
    }

    /// <summary>A successful sign-in clears the id's failures (not the address's: one right password must not reset a guesser).</summary>
    public void Succeeded(string agentId) => _failures.TryRemove(IdKey(agentId), out _);

    private TimeSpan Remaining(string key, int limit, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var failures))
        {
            return TimeSpan.Zero;
        }

        lock (failures)
        {
            var until = failures.Last + options.Value.LockoutDuration;
            return failures.Count >= limit && until > now ? until - now : TimeSpan.Zero;
        }
    }

    private void Count(string key, DateTimeOffset now)
    {
        var failures = _failures.GetOrAdd(key, _ => new Failures());
        lock (failures)
        {
            // Failures older than the lockout window are forgotten: the count restarts.
            if (now - failures.Last > options.Value.LockoutDuration)
            {
                failures.Count = 0;
            }

            failures.Count++;
            failures.Last = now;
        }
    }

    /// <summary>Keeps the table small under a spray of made-up ids.</summary>
    private void Prune(DateTimeOffset now)
    {
        if (_failures.Count < 10_000)
        {
            return;
        }

        foreach (var (key, failures) in _failures)
        {
            if (now - failures.Last > options.Value.LockoutDuration)
            {
                _failures.TryRemove(key, out _);
            }
        }
    }

    private static string IdKey(string agentId) => "id:" + agentId.Trim().ToUpperInvariant();

    private static string AddressKey(string address) => "ip:" + address;

    private sealed class Failures
    {
        public int Count { get; set; }

        public DateTimeOffset Last { get; set; }
    }
}

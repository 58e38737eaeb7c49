using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Bot.AgentDesk;

namespace SupportBot.Bot.Tests.AgentDesk;

public sealed class SignInThrottleTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private readonly SignInThrottle _throttle;

    public SignInThrottleTests() => _throttle = new SignInThrottle(
        Options.Create(new AgentDeskOptions { MaxFailedSignIns = 3, MaxFailedSignInsPerAddress = 5, LockoutDuration = TimeSpan.FromMinutes(15) }),
        _time);

    [Fact]
    public void LockedFor_BelowLimit_Zero()
    {
        _throttle.Failed("ana", "10.0.0.1");
        _throttle.Failed("ana", "10.0.0.1");

        Assert.Equal(TimeSpan.Zero, _throttle.LockedFor("ana", "10.0.0.1"));
    }

    [Fact]
    public void LockedFor_AtIdLimit_LockedFromAnyAddressUntilWindowPasses()
    {
        for (var i = 0; i < 3; i++)
        {
            _throttle.Failed("ana", "10.0.0." + i);
        }

        Assert.Equal(TimeSpan.FromMinutes(15), _throttle.LockedFor("ANA", "10.9.9.9"));
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(TimeSpan.FromMinutes(5), _throttle.LockedFor("ana", "10.9.9.9"));
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(TimeSpan.Zero, _throttle.LockedFor("ana", "10.9.9.9"));
    }

    [Fact]
    public void LockedFor_AddressSprayingIds_AddressLocked()
    {
        for (var i = 0; i < 5; i++)
        {
            _throttle.Failed("guess" + i, "10.0.0.1");
        }

        Assert.True(_throttle.LockedFor("ana", "10.0.0.1") > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, _throttle.LockedFor("ana", "10.0.0.2"));
    }

    [Fact]
    public void Failed_AfterQuietWindow_CountRestarts()
    {
        _throttle.Failed("ana", "10.0.0.1");
        _throttle.Failed("ana", "10.0.0.1");
        _time.Advance(TimeSpan.FromMinutes(16));
        _throttle.Failed("ana", "10.0.0.1");

        Assert.Equal(TimeSpan.Zero, _throttle.LockedFor("ana", "10.0.0.1"));
    }

    [Fact]
    public void Succeeded_ClearsIdFailuresNotAddress()
    {
        _throttle.Failed("ana", "10.0.0.1");
        _throttle.Failed("ana", "10.0.0.1");
        _throttle.Succeeded("ana");
        _throttle.Failed("ana", "10.0.0.1");
        _throttle.Failed("ana", "10.0.0.1");

        Assert.Equal(TimeSpan.Zero, _throttle.LockedFor("ana", "10.0.0.2"));
        _throttle.Failed("ana", "10.0.0.1");
        Assert.True(_throttle.LockedFor("ana", "10.0.0.2") > TimeSpan.Zero);
    }
}

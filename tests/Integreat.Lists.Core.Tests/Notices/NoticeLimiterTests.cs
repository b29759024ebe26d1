using Integreat.Lists.Core.Notices;
using Microsoft.Extensions.Time.Testing;

namespace Integreat.Lists.Core.Tests.Notices;

public sealed class NoticeLimiterTests
{
    [Fact]
    public void AllowsThreeNoticesPerAddressAndListInADayThenAgainAfterADay()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var limiter = new NoticeLimiter(clock);

        Assert.True(limiter.TryAcquire("bayern@l.example", "x@example.com"));
        Assert.True(limiter.TryAcquire("bayern@l.example", "x@example.com"));
        clock.Advance(TimeSpan.FromHours(23));
        Assert.True(limiter.TryAcquire("bayern@l.example", "x@example.com"));
        Assert.False(limiter.TryAcquire("bayern@l.example", "x@example.com"));
        Assert.True(limiter.TryAcquire("hessen@l.example", "x@example.com"));
        Assert.True(limiter.TryAcquire("bayern@l.example", "y@example.com"));

        clock.Advance(TimeSpan.FromHours(1));
        Assert.True(limiter.TryAcquire("bayern@l.example", "x@example.com"));
        Assert.True(limiter.TryAcquire("bayern@l.example", "x@example.com"));
        Assert.False(limiter.TryAcquire("bayern@l.example", "x@example.com"));
    }
}

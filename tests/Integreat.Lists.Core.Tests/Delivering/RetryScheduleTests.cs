using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Core.Delivering;

namespace Integreat.Lists.Core.Tests.Delivering;

public sealed class RetryScheduleTests
{
    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(4, 40)]
    [InlineData(5, 60)]
    [InlineData(6, 60)]
    [InlineData(31, 60)]
    [InlineData(1000, 60)]
    public void DoublesFromFiveMinutesAndIsCappedAtOneHour(int attempts, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), RetrySchedule.DelayAfter(attempts, new DeliveryOptions()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void NoAttemptYetMeansTheFirstDelay(int attempts)
    {
        Assert.Equal(TimeSpan.FromMinutes(5), RetrySchedule.DelayAfter(attempts, new DeliveryOptions()));
    }

    [Fact]
    public void FollowsTheConfiguredDelays()
    {
        var options = new DeliveryOptions { FirstRetryDelay = TimeSpan.FromSeconds(30), MaxRetryDelay = TimeSpan.FromMinutes(3) };

        var delays = Enumerable.Range(1, 5).Select(a => RetrySchedule.DelayAfter(a, options)).ToList();

        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(3)],
            delays);
    }
}

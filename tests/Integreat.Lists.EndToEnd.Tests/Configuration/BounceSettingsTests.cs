using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Daemon.Configuration;
using Microsoft.Extensions.Configuration;

namespace Integreat.Lists.EndToEnd.Tests.Configuration;

/// <summary>Section <c>Bounces</c>: the shipped defaults are the numbers, and a bad value fails start-up with one
/// sentence naming the key.</summary>
public sealed class BounceSettingsTests
{
    static Settings Bind(Dictionary<string, string?> values)
        => Settings.Bind(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

    [Fact]
    public void TheShippedDefaultsAreTheClassDefaults()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var shipped = Settings.Bind(new ConfigurationBuilder().AddJsonFile(path).Build()).Bounces;
        var defaults = new BounceOptions();

        Assert.Equal((1.0, 0.5, 0.0, 5.0), (shipped.PermanentWeight, shipped.TemporaryWeight, shipped.PolicyWeight, shipped.Threshold));
        Assert.Equal((TimeSpan.FromDays(1), TimeSpan.FromDays(7), 3, TimeSpan.FromDays(7), false),
            (shipped.ScoreInterval, shipped.ResetAfter, shipped.Warnings, shipped.WarningInterval, shipped.DisableOnComplaint));
        Assert.Equal((defaults.ProbeWait, defaults.MaintenanceInterval), (shipped.ProbeWait, shipped.MaintenanceInterval));
    }

    [Fact]
    public void EachBadValueIsOneSentenceNamingItsKey()
    {
        var error = Assert.Throws<SettingsException>(() => Bind(new()
        {
            ["Bounces:TemporaryWeight"] = "-1",
            ["Bounces:Threshold"] = "0",
            ["Bounces:ProbeWait"] = "00:00:00",
            ["Bounces:Warnings"] = "11",
        }));

        Assert.Equal(
        [
            "Bounces:TemporaryWeight must be between 0 and 100.",
            "Bounces:Threshold must be above 0 and at most 1000.",
            "Bounces:ProbeWait must be between 00:01:00 and 365.00:00:00.",
            "Bounces:Warnings must be between 0 and 10.",
        ], error.Problems);
    }
}

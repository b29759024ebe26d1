using Integreat.Lists.Daemon.Configuration;
using Microsoft.Extensions.Configuration;

namespace Integreat.Lists.EndToEnd.Tests.Configuration;

/// <summary>Section <c>Commands</c>: the shipped defaults bind, and a bad value fails start-up with one sentence naming the key.</summary>
public sealed class CommandSettingsTests
{
    static Settings Bind(Dictionary<string, string?> values)
        => Settings.Bind(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

    [Fact]
    public void TheShippedDefaultsAreThreeDaysFivePerHourThreePerDay()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var settings = Settings.Bind(new ConfigurationBuilder().AddJsonFile(path).Build());

        Assert.Equal(TimeSpan.FromDays(3), settings.Commands.ConfirmationLifetime);
        Assert.Equal(5, settings.Commands.MaxRepliesPerHour);
        Assert.Equal(3, settings.Commands.MaxConfirmationsPerDay);
        Assert.Empty(settings.Commands.TrustedAuthservIds);
    }

    [Fact]
    public void TrustedAuthservIdsBindAndABadOneIsNamed()
    {
        Assert.Equal(["mx.integreat.example"], Bind(new() { ["Commands:TrustedAuthservIds:0"] = "mx.integreat.example" }).Commands.TrustedAuthservIds);

        var error = Assert.Throws<SettingsException>(() => Bind(new() { ["Commands:TrustedAuthservIds:0"] = "mx; dkim=pass" }));

        Assert.Equal(["Commands:TrustedAuthservIds entry 'mx; dkim=pass' must be an authserv-id such as mx.integreat.example (no spaces or ';')."],
            error.Problems);
    }

    [Fact]
    public void ValuesAreBound()
    {
        var settings = Bind(new() { ["Commands:ConfirmationLifetime"] = "1.00:00:00", ["Commands:MaxRepliesPerHour"] = "9" });

        Assert.Equal(TimeSpan.FromDays(1), settings.Commands.ConfirmationLifetime);
        Assert.Equal(9, settings.Commands.MaxRepliesPerHour);
    }

    [Fact]
    public void EachBadValueIsOneSentenceNamingItsKey()
    {
        var error = Assert.Throws<SettingsException>(() => Bind(new()
        {
            ["Commands:ConfirmationLifetime"] = "00:00:00",
            ["Commands:MaxRepliesPerHour"] = "0",
            ["Commands:MaxConfirmationsPerDay"] = "1000",
        }));

        Assert.Equal(
        [
            "Commands:ConfirmationLifetime must be between 00:01:00 and 30.00:00:00.",
            "Commands:MaxRepliesPerHour must be between 1 and 100.",
            "Commands:MaxConfirmationsPerDay must be between 1 and 100.",
        ], error.Problems);
    }
}

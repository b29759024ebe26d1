using Integreat.Lists.Daemon.Configuration;
using Integreat.Lists.Daemon.Hosting;
using Microsoft.Extensions.Configuration;

namespace Integreat.Lists.EndToEnd.Tests.Configuration;

/// <summary>The five shipped state lists are seeded with the shipped footer; a list seeded without asks for none.</summary>
public sealed class FooterSettingsTests
{
    [Fact]
    public void EveryShippedStateListAsksForTheFooter()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var lists = Settings.Bind(new ConfigurationBuilder().AddJsonFile(path).Build()).Lists;

        Assert.Equal(5, lists.Count);
        Assert.All(lists, l => Assert.True(l.Footer, l.Address));
        Assert.False(new ListSeedOptions().Footer);
    }

    [Fact]
    public void TheShippedFooterIsGermanFirstWithLeaveInstructionsAndTheArchiveLink()
    {
        var footer = File.ReadAllText(ListSeeder.ShippedFooterPath);

        Assert.True(footer.IndexOf("Abmelden", StringComparison.Ordinal) < footer.IndexOf("Leave the list", StringComparison.Ordinal));
        Assert.Contains("{{ list.leave_address }}", footer);
        Assert.Contains("„abmelden“ an {{ list.request_address }}", footer);
        Assert.Contains("{{ archive_url }}", footer);
    }
}

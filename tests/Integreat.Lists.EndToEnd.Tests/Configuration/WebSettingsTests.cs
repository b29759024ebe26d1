using Integreat.Lists.Daemon.Configuration;
using Microsoft.Extensions.Configuration;

namespace Integreat.Lists.EndToEnd.Tests.Configuration;

/// <summary>Section <c>Web</c>, the sign-in keys: the shipped defaults bind, and a bad value is one sentence naming the key.</summary>
public sealed class WebSettingsTests
{
    static Settings Bind(Dictionary<string, string?> values)
        => Settings.Bind(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

    [Fact]
    public void TheShippedDefaultsAreNoSiteAdminsHalfAnHourThreeMailsEightHours()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var settings = Settings.Bind(new ConfigurationBuilder().AddJsonFile(path).Build());

        Assert.Empty(settings.Web.SiteAdmins);
        Assert.Equal(TimeSpan.FromMinutes(30), settings.Web.LoginLinkLifetime);
        Assert.Equal(3, settings.Web.MaxLoginMailsPerHour);
        Assert.Equal(TimeSpan.FromHours(8), settings.Web.SessionLifetime);
    }

    [Fact]
    public void SiteAdminsBind()
        => Assert.Equal(["chefin@landkreis.de"], Bind(new() { ["Web:SiteAdmins:0"] = "chefin@landkreis.de" }).Web.SiteAdmins);

    [Fact]
    public void EachBadValueIsOneSentenceNamingItsKey()
    {
        var error = Assert.Throws<SettingsException>(() => Bind(new()
        {
            ["Web:SiteAdmins:0"] = "chefin at landkreis",
            ["Web:LoginLinkLifetime"] = "00:00:00",
            ["Web:MaxLoginMailsPerHour"] = "0",
            ["Web:SessionLifetime"] = "-00:01:00",
        }));

        Assert.Equal(
        [
            "Web:SiteAdmins 'chefin at landkreis' is not an e-mail address.",
            "Web:LoginLinkLifetime must be positive, e.g. 00:30:00.",
            "Web:MaxLoginMailsPerHour must be at least 1.",
            "Web:SessionLifetime must be positive, e.g. 08:00:00.",
        ], error.Problems);
    }
}

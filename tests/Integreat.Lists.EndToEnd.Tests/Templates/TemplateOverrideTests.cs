using Integreat.Lists.Core.Commands;
using Integreat.Lists.Daemon.Configuration;
using Integreat.Lists.EndToEnd.Tests.Commands;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;

namespace Integreat.Lists.EndToEnd.Tests.Templates;

/// <summary>Texts come from Liquid templates: a list's own file beats the site default, which beats the shipped
/// one; other lists keep the shipped text.</summary>
public sealed class TemplateOverrideTests : IAsyncLifetime
{
    const string Hessen = "hessen@lists.integreat.example";
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    readonly string _templates = Path.Combine(Path.GetTempPath(), "integreat-templates-" + Guid.NewGuid().ToString("N"));
    FakeSmarthost _smarthost = null!;
    TestDaemon _daemon = null!;
    CommandProbe _probe = null!;

    public async Task InitializeAsync()
    {
        Write("bayern/help.liquid", "{% if language == \"de\" %}Eigene Hilfe für {{ list.name }}{% else %}Own help for {{ list.request_address }}{% endif %}");
        Write("default/results.liquid", "Subject: Antwort / Reply\n\nSite-wide reply:\n{% for r in results %}{{ r.command }} => {{ r.english }}\n{% endfor %}");
        _smarthost = await FakeSmarthost.StartAsync();
        _daemon = await TestDaemon.StartAsync(_smarthost.HostPort, s =>
        {
            s.Templates.Directory = _templates;
            ((List<ListSeedOptions>)s.Lists).Add(new() { Address = Hessen, Name = "Integreat Hessen" });
        });
        _probe = new CommandProbe(_daemon.Get<CommandProcessor>());
    }

    public async Task DisposeAsync()
    {
        _probe.Dispose();
        await _daemon.DisposeAsync();
        await _smarthost.DisposeAsync();
        Directory.Delete(_templates, recursive: true);
    }

    void Write(string relative, string text)
    {
        var path = Path.Combine(_templates, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    async Task<string> HelpReplyAsync(string request, int total)
    {
        var processed = _probe.Done.Count;
        await _daemon.PostAsync(CommandMailTests.Mail("neu@example.org", request, "", "help\n"), "neu@example.org", request);
        await _probe.WaitAsync(processed + 1, Timeout);
        await _smarthost.WaitForAsync(h => h.Messages.Count >= total, Timeout);
        var reply = _smarthost.Messages[total - 1].ToMimeMessage();
        Assert.Equal("Antwort / Reply", reply.Subject);
        return reply.TextBody!;
    }

    [Fact]
    public async Task AListsOwnTemplateBeatsTheSiteDefaultWhichBeatsTheShippedOne()
    {
        var bayern = await HelpReplyAsync(CommandMailTests.Request, total: 1);
        var hessen = await HelpReplyAsync("hessen-request@lists.integreat.example", total: 2);

        Assert.StartsWith("Site-wide reply:", bayern);
        Assert.Contains("help => Own help for bayern-request@lists.integreat.example", bayern);
        Assert.DoesNotContain("Eigene Hilfe", bayern);
        Assert.Contains("help => Commands to hessen-request@lists.integreat.example", hessen);
    }
}

using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Daemon.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Integreat.Lists.Daemon.Hosting;

/// <summary>Creates the lists of section <c>Lists</c> on start when they do not exist; never changes existing ones.</summary>
/// <remarks>Runs in <c>StartAsync</c>, before the SMTP listener accepts mail for those lists.</remarks>
public sealed class ListSeeder(Settings settings, IListRepository lists, IRosterRepository roster, TimeProvider time,
    ILogger<ListSeeder> logger) : IHostedService
{
    /// <summary>The shipped footer of the state lists, read when a seeded list asks for it.</summary>
    static readonly Lazy<string> ShippedFooter = new(() => File.ReadAllText(ShippedFooterPath));

    /// <summary>Where the shipped footer is: <c>templates/footer.liquid</c> beside the executable.</summary>
    public static string ShippedFooterPath => Path.Combine(Templates.TemplatesOptions.ShippedDirectory, "footer.liquid");

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var seed in settings.Lists)
        {
            var list = MailingList.Create(seed.Address, seed.Name, time.GetUtcNow().UtcDateTime);
            if (seed.SubjectPrefix.Length > 0) list.SubjectPrefix = seed.SubjectPrefix;
            if (seed.NonmemberAction is { } action) list.NonmemberAction = action;
            if (seed.Footer) list.Footer = ShippedFooter.Value;
            if (!lists.Insert(list)) continue;
            logger.LogInformation("created list {List} ({Name})", list.Address, list.Name);
            var now = time.GetUtcNow().UtcDateTime;
            roster.AddMissing(seed.Owners.Select(o => Member.Create(list.Address, o, null, MemberRole.Owner, now)).ToList());
        }
        WarnAboutListsWithoutOwner();
        return Task.CompletedTask;
    }

    /// <summary>A list without owner or moderator holds posts and gets owner mail that nobody will read: say so at
    /// every start, with the command that fixes it, rather than let held posts expire unseen.</summary>
    void WarnAboutListsWithoutOwner()
    {
        foreach (var list in lists.All().Where(l => roster.OwnersOf(l.Address).Count == 0))
            logger.LogWarning("list {List} has no owner or moderator: held posts and owner mail reach nobody; add one with " +
                              "'integreat-lists members add {List} ADDRESS --role owner'", list.Address, list.Address);
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Model;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;

namespace Integreat.Lists.EndToEnd.Tests.Web;

/// <summary>A running daemon with the Bayern list holding nonmember posts, and one signed-in session per role:
/// member, moderator, owner, site admin (on no roster), plus an anonymous visitor.</summary>
public sealed class AdminFixture : IAsyncLifetime
{
    public const string Member = "erika@example.org";
    public const string Moderator = "moderation@example.org";
    public const string Owner = "chefin@example.org";
    public const string SiteAdmin = "admin@example.org";
    public const string Bayern = TestDaemon.Bayern;
    public static readonly string[] Roles = ["anonymous", "member", "moderator", "owner", "site admin"];
    int _posters;

    public FakeSmarthost Smarthost { get; private set; } = null!;
    public TestDaemon Daemon { get; private set; } = null!;
    public Dictionary<string, WebSession> Sessions { get; } = [];

    public async Task InitializeAsync()
    {
        Smarthost = await FakeSmarthost.StartAsync();
        Daemon = await TestDaemon.StartAsync(Smarthost.HostPort, s => s.Web.SiteAdmins = [SiteAdmin]);
        Daemon.AddMembers([Member]);
        Daemon.AddMembers([Moderator], MemberRole.Moderator);
        Daemon.AddMembers([Owner], MemberRole.Owner);
        var lists = Daemon.Get<IListRepository>();
        var list = lists.Find(Bayern)!;
        list.NonmemberAction = NonmemberAction.Hold;
        lists.Update(list);
        var url = await Daemon.WebUrlAsync();
        Sessions["anonymous"] = new WebSession(url);
        foreach (var (role, address) in new[] { ("member", Member), ("moderator", Moderator), ("owner", Owner), ("site admin", SiteAdmin) })
        {
            Sessions[role] = new WebSession(url);
            await Sessions[role].SignInAsync(Smarthost, address);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var session in Sessions.Values) session.Dispose();
        await Daemon.DisposeAsync();
        await Smarthost.DisposeAsync();
    }

    /// <summary>Posts from a fresh nonmember and returns the held post's id once the hold is complete (the
    /// poster's notice went out).</summary>
    public async Task<string> HoldAsync(string subject = "Sommerfest", string text = "Hallo zusammen,\r\nbis bald.\r\n", string? html = null)
    {
        var poster = $"fremd{Interlocked.Increment(ref _posters)}@example.com";
        var post = Messages.Post(poster, subject, text);
        if (html is not null) post.Body = new MimeKit.TextPart("html") { Text = html };
        await Daemon.PostAsync(post, poster, Bayern);
        await Smarthost.WaitForAsync(h => h.DeliveredTo.Contains(poster), WebSession.Timeout);
        return Daemon.Get<IHeldPostStore>().List(Bayern).Single(p => p.Sender == poster).Id;
    }

    /// <summary>A confirmed join waiting for approval, as the membership workflow leaves it.</summary>
    public void AwaitApproval(string address)
    {
        var now = DateTime.UtcNow;
        Daemon.Get<IPendingRequestStore>().Save(new PendingRequest
        {
            Id = PendingRequest.ApprovalKey(Bayern, address), List = Bayern, Address = address, Action = PendingAction.Approval,
            CreatedUtc = now, ExpiresUtc = DateTime.MaxValue,
        });
    }

    public int AuditCount() => Daemon.Get<IAuditLog>().ForList(Bayern).Count;
}

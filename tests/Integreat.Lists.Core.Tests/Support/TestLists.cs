using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Tests.Support;

/// <summary>The lists the tests post to.</summary>
internal static class TestLists
{
    public const string BayernAddress = "bayern@lists.integreat.example";
    public static readonly DateTime Created = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>bayern@lists.integreat.example, "Integreat Bayern", prefix "[Bayern]", default settings.</summary>
    public static MailingList Bayern(Action<MailingList>? configure = null)
    {
        var list = MailingList.Create(BayernAddress, "Integreat Bayern", Created);
        configure?.Invoke(list);
        return list;
    }
}

using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Web.Api.Models;

/// <summary>A list as the API shows it; enum settings as the CLI's lower-case words.</summary>
/// <param name="Address">The posting address.</param>
/// <param name="Name">The display name.</param>
/// <param name="ListId">The List-Id (RFC 2919).</param>
/// <param name="SubjectPrefix">The subject prefix, e.g. <c>[Bayern]</c>.</param>
/// <param name="ReplyTo">none, poster or list.</param>
/// <param name="NonmemberAction">What happens to posts of nonmembers.</param>
/// <param name="SubscriptionPolicy">open, moderate or closed.</param>
public sealed record ListView(string Address, string Name, string ListId, string SubjectPrefix, string ReplyTo,
    string NonmemberAction, string SubscriptionPolicy)
{
    /// <summary>The view of <paramref name="list"/>.</summary>
    public static ListView Of(MailingList list) => new(list.Address, list.Name, list.ListId, list.SubjectPrefix,
        Word(list.ReplyTo), Word(list.NonmemberAction), Word(list.SubscriptionPolicy));

    /// <summary>An enum value as a lower-case word.</summary>
    internal static string Word<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}

using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Notices;

/// <summary>What every template sees as <c>list</c>: <c>list.name</c>, <c>list.address</c>,
/// <c>list.request_address</c>, <c>list.owner_address</c>, <c>list.join_address</c>, <c>list.leave_address</c>,
/// <c>list.bounces_address</c>, <c>list.list_id</c>, <c>list.local_part</c>.</summary>
/// <param name="Name">The display name, e.g. "Integreat Bayern".</param>
/// <param name="Address">The posting address.</param>
/// <param name="RequestAddress">The command address, <c>LIST-request@</c>.</param>
/// <param name="OwnerAddress">The owners' address, <c>LIST-owner@</c>.</param>
/// <param name="JoinAddress">The join address, <c>LIST-join@</c>.</param>
/// <param name="LeaveAddress">The leave address, <c>LIST-leave@</c>.</param>
/// <param name="BouncesAddress">The bounce address, <c>LIST-bounces@</c>.</param>
/// <param name="ListId">The RFC 2919 List-Id value without angle brackets.</param>
/// <param name="LocalPart">The local part of the posting address, e.g. <c>bayern</c>.</param>
public sealed record ListTemplateModel(string Name, string Address, string RequestAddress, string OwnerAddress,
    string JoinAddress, string LeaveAddress, string BouncesAddress, string ListId, string LocalPart)
{
    /// <summary>The model of <paramref name="list"/>.</summary>
    public static ListTemplateModel Of(MailingList list)
    {
        var a = list.Addresses;
        return new(list.Name, list.Address, a.Request, a.Owner, a.Join, a.Leave, a.Bounces, list.ListId, a.LocalPart);
    }
}

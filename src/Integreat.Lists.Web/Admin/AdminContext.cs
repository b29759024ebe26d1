using Integreat.Lists.Core.Model;
using Integreat.Lists.Web.Login;
using Integreat.Lists.Web.Pages;
using Microsoft.AspNetCore.Http;

namespace Integreat.Lists.Web.Admin;

/// <summary>One authorised admin request: the list, what the signed-in person may do there, and the page language.</summary>
/// <param name="Http">The request.</param>
/// <param name="Ui">The page language.</param>
/// <param name="List">The list the request is about.</param>
/// <param name="Access">The person's rights on it.</param>
public sealed record AdminContext(HttpContext Http, Ui Ui, MailingList List, ListAccess Access)
{
    /// <summary>The channel of every change made here, in the audit log.</summary>
    public const string Channel = "web";

    /// <summary>The signed-in address, the actor in the audit log.</summary>
    public string Actor => Access.Address!;

    /// <summary>The list's admin base path, <c>/admin/LIST</c>.</summary>
    public string Base => "/admin/" + Html.Segment(List.Address);

    /// <summary>Picks the text in the page's language.</summary>
    public string T(string german, string english) => Ui.T(german, english);
}

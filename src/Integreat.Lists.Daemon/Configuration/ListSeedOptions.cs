namespace Integreat.Lists.Daemon.Configuration;

/// <summary>One entry of section <c>Lists</c>: a list the daemon creates on start when it does not exist yet.</summary>
/// <remarks>Seeding never changes a list that exists: settings changed later by the CLI win.</remarks>
public sealed class ListSeedOptions
{
    /// <summary>The posting address, e.g. <c>bayern@lists.integreat.example</c>.</summary>
    public string Address { get; set; } = "";

    /// <summary>The display name, e.g. "Integreat Bayern".</summary>
    public string Name { get; set; } = "";

    /// <summary>The subject prefix; empty uses "[Localpart]" (e.g. "[Bayern]").</summary>
    public string SubjectPrefix { get; set; } = "";

    /// <summary>Owner addresses put on the roster when the list is created (they receive <c>LIST-owner@</c> mail).</summary>
    public string[] Owners { get; set; } = [];

    /// <summary>What happens to posts from nonmembers (reject, discard, accept, hold); empty keeps the default, reject.</summary>
    public Core.Model.NonmemberAction? NonmemberAction { get; set; }

    /// <summary>When true the list gets the shipped footer (<c>templates/footer.liquid</c> beside the executable:
    /// leave instructions and archive link); default false, no footer. <c>lists set --footer</c> changes it later.</summary>
    public bool Footer { get; set; }
}

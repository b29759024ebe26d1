namespace Integreat.Lists.Web;

/// <summary>The port <c>/readyz</c> asks: is the daemon able to take and deliver mail right now?</summary>
/// <remarks>The daemon implements it (it knows its store, listener and runners); the web adapter only reports.</remarks>
public interface IReadinessCheck
{
    /// <summary>Checks the store, the SMTP listener, the runners and the queues.</summary>
    /// <returns>Empty when ready; else one sentence per problem.</returns>
    IReadOnlyList<string> Problems();
}

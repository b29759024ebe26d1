namespace Integreat.Lists.Core.Abstractions;

/// <summary>A per-job, append-only record of each recipient's outcome within the running attempt, so that a
/// crash mid-attempt redelivers only to recipients whose transaction had not finished.</summary>
/// <remarks>Appends reach the operating system before returning (they survive the process, not power loss:
/// after a power loss a recipient may get a duplicate, never nothing).</remarks>
public interface IDeliveryJournal
{
    /// <summary>The recorded outcomes of a job: normalised recipient to SMTP reply code.</summary>
    IReadOnlyDictionary<string, int> Read(string jobId);

    /// <summary>Records one recipient's final outcome for this attempt (2xx or 5xx).</summary>
    void Append(string jobId, string recipient, int code);

    /// <summary>Forgets the journal once the job's state is saved.</summary>
    void Delete(string jobId);
}

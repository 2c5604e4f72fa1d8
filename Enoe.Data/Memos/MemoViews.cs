using Enoe.Data.Storage;

namespace Enoe.Data.Memos;

public sealed record MemoListItem(
    int Id,
    int ThreadId,
    string Subject,
    string From,
    string To,
    DateTime SentAt,
    bool Read,
    bool HasAttachments
);

/// <summary>
/// The badge's count and the widget's newest unread mémos; closed when the établissement runs no mémos.
/// </summary>
public sealed record UnreadInbox(bool Open, int Count, IReadOnlyList<MemoListItem> Latest)
{
    public static readonly UnreadInbox Closed = new(false, 0, []);
}

public sealed record MemoPage(IReadOnlyList<MemoListItem> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record MemoView(
    int Id,
    int SenderId,
    string From,
    string To,
    string? AboutChild,
    string Subject,
    string Body,
    DateTime SentAt,
    bool Mine,
    IReadOnlyList<FileView> Attachments
);

/// <summary>How many of an audience have read a mémo ("31/58 lus").</summary>
public sealed record AudienceReceipt(string Label, int Read, int Total);

public sealed record ReaderReceipt(string Name, DateTime? ReadAt);

/// <param name="Delivering">
/// The copies are still being written (the milliseconds after the send, or until the sweep after a crash): the totals
/// are those the mémo will reach, and nobody has read it yet.
/// </param>
public sealed record MemoReceipts(
    IReadOnlyList<AudienceReceipt> Audiences,
    IReadOnlyList<ReaderReceipt> Readers,
    int Read,
    int Total,
    bool Delivering = false
);

/// <summary>Someone the sender may address, for the recipient picker.</summary>
public sealed record AddressOption(MemoAddress Address, string Detail);

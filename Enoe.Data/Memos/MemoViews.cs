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

public sealed record MemoReceipts(
    IReadOnlyList<AudienceReceipt> Audiences,
    IReadOnlyList<ReaderReceipt> Readers,
    int Read,
    int Total
);

/// <summary>Someone the sender may address, for the recipient picker.</summary>
public sealed record AddressOption(MemoAddress Address, string Detail);

using Enoe.Data.People;

namespace Enoe.Data.Memos;

/// <summary>
/// A mémo as sent: one row, whatever the number of recipients (each has a <see cref="MemoRecipient"/>).
/// </summary>
public sealed class Memo
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int SenderId { get; set; }
    public Person? Sender { get; set; }
    public string Subject { get; set; } = "";

    /// <summary>Markdown, sanitized when shown.</summary>
    public string Body { get; set; } = "";
    public DateTime SentAt { get; set; }

    /// <summary>The first mémo of the conversation (itself for a new one).</summary>
    public int ThreadId { get; set; }
    public int? ReplyToId { get; set; }

    /// <summary>A parent writing about one of their children says which.</summary>
    public int? AboutChildId { get; set; }
    public Person? AboutChild { get; set; }

    /// <summary>"Élèves de 4eA, Mme Girard": the addressing as the sender chose it.</summary>
    public string To { get; set; } = "";
    public MemoFolder SenderFolder { get; set; } = MemoFolder.Sent;
    public List<MemoAudience> Audiences { get; set; } = [];
    public List<MemoAttachment> Attachments { get; set; } = [];

    /// <summary>
    /// The copies still to be written (each recipient, the audience that reached them, whether the quiet window holds
    /// them, and until when), as JSON: the mémo is stored with them, and its delivery writes the copies and clears
    /// this (null: delivered). See <see cref="MemoService.DeliverAsync"/>.
    /// </summary>
    public string? Undelivered { get; set; }
}

/// <summary>Where a copy is kept. <see cref="Deleted"/>: emptied from the bin, gone for its owner.</summary>
public enum MemoFolder
{
    Inbox,
    Sent,
    Archive,
    Bin,
    Deleted,
}

/// <summary>One person's copy of a mémo: where they keep it and when they read it.</summary>
public sealed class MemoRecipient
{
    public int MemoId { get; set; }
    public Memo? Memo { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }

    /// <summary>Which of the sender's audiences brought them in, for per-audience read receipts.</summary>
    public int? AudienceId { get; set; }
    public MemoFolder Folder { get; set; } = MemoFolder.Inbox;
    public DateTime? ReadAt { get; set; }

    /// <summary>
    /// Sent in the établissement's quiet window: absent from this person's inbox and badge until then (null: at once).
    /// </summary>
    public DateTime? HeldUntil { get; set; }
}

/// <summary>An addressing the sender chose ("parents de 4eA"), kept for read receipts ("31/58 lus").</summary>
public sealed class MemoAudience
{
    public int Id { get; set; }
    public int MemoId { get; set; }
    public AudienceKind Kind { get; set; }
    public int TargetId { get; set; }
    public string Label { get; set; } = "";
}

public sealed class MemoAttachment
{
    public int MemoId { get; set; }
    public int FileId { get; set; }
    public Storage.StoredFile? File { get; set; }
}

namespace Enoe.Data.Storage;

/// <summary>Upload limits (configuration section <c>Enoe:Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Enoe:Storage";

    /// <summary>Where files are kept; set from the data folder when left empty.</summary>
    public string Root { get; set; } = "";
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;
    public long QuotaBytesPerPerson { get; set; } = 500L * 1024 * 1024;
}

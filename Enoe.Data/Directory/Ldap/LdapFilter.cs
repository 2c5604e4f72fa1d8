using System.Text;

namespace Enoe.Data.Directory.Ldap;

/// <summary>
/// LDAP search filters (RFC 4515). A value typed by someone (a login) or read from the directory is data: every
/// character that means something in a filter is written as <c>\xx</c>, so <c>*)(uid=*</c> matches a login spelled
/// that way and nothing else.
/// </summary>
public static class LdapFilter
{
    /// <summary>The value with <c>*</c>, <c>(</c>, <c>)</c>, <c>\</c> and NUL escaped as RFC 4515 requires.</summary>
    public static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length + 8);
        foreach (var c in value)
            escaped.Append(
                c switch
                {
                    '*' => @"\2a",
                    '(' => @"\28",
                    ')' => @"\29",
                    '\\' => @"\5c",
                    '\0' => @"\00",
                    _ => c.ToString(),
                }
            );
        return escaped.ToString();
    }

    /// <summary><c>(attribute=value)</c> with the value escaped.</summary>
    public static string Equal(string attribute, string value) => $"({attribute}={Escape(value)})";

    /// <summary><c>(&amp;(objectClass=...)(...))</c>: entries of one class matching one more filter.</summary>
    public static string OfClass(string objectClass, string? filter = null) =>
        filter is null ? Equal("objectClass", objectClass) : $"(&{Equal("objectClass", objectClass)}{filter})";
}

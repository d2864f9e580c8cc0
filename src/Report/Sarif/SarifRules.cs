using System;
using System.Collections.Generic;
using System.Text.Json;
using PerfAnalyzers.Report.Model;

namespace PerfAnalyzers.Report.Sarif;

/// <summary>Rule metadata of one SARIF run (driver and extensions), looked up by id or index.</summary>
internal sealed class SarifRules
{
    private readonly Dictionary<string, SarifRuleMetadata> _byId = new(StringComparer.Ordinal);
    private readonly List<SarifRuleMetadata> _driverRules = new();

    public bool Loaded { get; private set; }

    public void Load(JsonElement tool)
    {
        Loaded = true;
        if (tool.TryGetProperty("driver", out var driver) && driver.ValueKind == JsonValueKind.Object)
        {
            LoadComponent(driver, _driverRules);
        }

        if (tool.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Array)
        {
            foreach (var extension in extensions.EnumerateArray())
            {
                if (extension.ValueKind == JsonValueKind.Object)
                {
                    LoadComponent(extension, null);
                }
            }
        }
    }

    public SarifRuleMetadata? Find(string? id, int index)
    {
        if (id is not null && _byId.TryGetValue(id, out var rule))
        {
            return rule;
        }

        return index >= 0 && index < _driverRules.Count ? _driverRules[index] : null;
    }

    private void LoadComponent(JsonElement component, List<SarifRuleMetadata>? indexed)
    {
        if (!component.TryGetProperty("rules", out var rules) || rules.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var r in rules.EnumerateArray())
        {
            if (r.ValueKind != JsonValueKind.Object || SarifElements.Str(r, "id") is not { } id)
            {
                continue;
            }

            var rule = new SarifRuleMetadata(
                id,
                Text(r, "shortDescription") ?? SarifElements.Str(r, "name") ?? "",
                Text(r, "fullDescription") ?? "",
                SarifElements.Str(r, "helpUri") ?? "",
                r.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object ? SarifElements.Str(props, "category") ?? "" : "",
                r.TryGetProperty("defaultConfiguration", out var config) && config.ValueKind == JsonValueKind.Object ? SarifElements.Str(config, "level") : null);
            _byId.TryAdd(id, rule);
            indexed?.Add(rule);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Object ? SarifElements.Str(p, "text") : null;
}

internal sealed record SarifRuleMetadata(string Id, string Title, string Description, string HelpUri, string Category, string? DefaultLevel)
{
    /// <summary>Other analyzers' rules are grouped under their own category; those without one under "Other".</summary>
    public static string PeerCategory(SarifRuleMetadata? rule) => rule?.Category is { Length: > 0 } category ? category : "Other";

    public static RuleInfo PeerRule(string id, SarifRuleMetadata? rule) => new()
    {
        Id = id,
        Title = rule?.Title ?? "",
        Category = PeerCategory(rule),
        HelpUri = rule?.HelpUri ?? "",
        Description = rule?.Description ?? "",
        IsPeer = true,
        DefaultSeverity = SarifLevels.ToSeverity(rule?.DefaultLevel),
    };
}

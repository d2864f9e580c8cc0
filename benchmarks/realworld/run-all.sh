#!/usr/bin/env bash
# usage: run-all.sh TAG NUPKG [codebase ...]
# Builds each codebase (default: the six of benchmarks/realworld.md that build here) one after another with the PerfAnalyzers
# package NUPKG, writing bench.sh output to $RW_OUT/<codebase>/TAG. Sources are read from $RW_SRC/<codebase>.
set -u
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
K=${RW_KIT:-/work/shared/realworld}; S=${RW_SRC:-/work/rw-src}; O=${RW_OUT:-/work/rw-out}; T=$HERE/targets
[ $# -ge 2 ] || { sed -n '2,4p' "$0"; exit 2; }
tag=$1; pkg=$2; shift 2
names=("$@"); [ ${#names[@]} -gt 0 ] || names=(CAP CsvHelper git-credential-manager dotnet-outdated dotnet-console-games eShop)
for n in "${names[@]}"; do
  case $n in
    CAP)               args=(-T "$T/CAP.txt" -p TargetFrameworks=net8.0) ;;
    SimplCommerce)     args=(-t src/SimplCommerce.WebHost/SimplCommerce.WebHost.csproj) ;;
    CleanArchitecture) args=(-T "$T/CleanArchitecture.txt") ;;
    CsvHelper)         args=(-T "$T/CsvHelper.txt" -p TargetFrameworks=net8.0) ;;
    git-credential-manager) args=(-n -T "$T/git-credential-manager.txt") ;;
    dotnet-outdated)   args=(-T "$T/dotnet-outdated.txt" -p TargetFrameworks=net8.0) ;;
    FNA)               args=(-t FNA.Core.csproj) ;;
    dotnet-console-games) args=(-t dotnet-console-games.sln -p TargetFramework=net8.0) ;;
    eShop)             args=(-n -T "$T/eShop.txt" -p AspireVersion=13.6.5 -p MicrosoftExtensionsVersion=10.11.0 -p CentralPackageTransitivePinningEnabled=false -p TreatWarningsAsErrors=false) ;;
    v2rayN)            args=(-T "$T/v2rayN.txt" -p CentralPackageVersionOverrideEnabled=true) ;;
    *) echo "unknown codebase: $n" >&2; continue ;;
  esac
  "$K/bench.sh" "${args[@]}" -l "$n" -o "$O/$n/$tag" "$S/$n" local "$pkg"
done

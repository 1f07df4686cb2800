import ReportModel

/// Every validation rule, in the order the catalogue and `annual-report rules` list them.
public enum RuleCatalogue {
    public static let rules: [any Rule] = [
        StatedTotalRule(), GroupTotalRule(), AreaHierarchyRule(), BreakdownRule(), SubsetRule(), PeriodTotalRule(),
        DeclaredRelationRule(),
        PercentageRule(), PercentageTruncationRule(), UnverifiablePercentageRule(), PossiblePercentageRule(),
        SharesOfWholeRule(), GroupShareRule(), ShareBreakdownRule(),
        StatedRateRule(), RateTruncationRule(), UnverifiableRateRule(), ImpliedPopulationRule(), SubsetRateRule(),
        RepeatedFigureRule(), RestatedFigureRule(), DatasetPeriodRule(), FigurePeriodRule(),
        NonNegativeRule(), PercentageRangeRule(),
        AreaReferenceRule(), MeasureReferenceRule(), DenominatorRule(), GroupReferenceRule(),
        CorrectionReferenceRule(), SectionReferenceRule(), PolicyRuleReferenceRule(), RankingOrderRule(),
        StatutoryItemReferenceRule(), NarrativeReferenceRule(), LiteralFigureRule(), DirectionRule(), ListCountRule(),
        StaleDateRule(),
        AbbreviationRule(), StatutoryCoverageRule(), DatasetShownRule(), ExampleValueRule(), LongWordRule(),
        UndecidedDisclosureRule(), HiddenFigureReferenceRule(), HiddenNumberTypedRule(),
    ]
}

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'pages_reports.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QTabWidget, QTableView, QVBoxLayout, QWidget

from receiving_app.gui.pages.report_charts import ReportCharts

class Ui_ReportsPage(object):
    def setupUi(self, reportsPage):
        if not reportsPage.objectName():
            reportsPage.setObjectName(u"reportsPage")
        reportsPage.resize(1280, 900)
        self.pageLayout = QVBoxLayout(reportsPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(0, 0, 0, 0)
        self.reportScroll = QScrollArea(reportsPage)
        self.reportScroll.setObjectName(u"reportScroll")
        self.reportScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.reportScroll.setWidgetResizable(True)
        self.reportContent = QWidget()
        self.reportContent.setObjectName(u"reportContent")
        self.reportColumn = QVBoxLayout(self.reportContent)
        self.reportColumn.setObjectName(u"reportColumn")
        self.controlsRow = QHBoxLayout()
        self.controlsRow.setObjectName(u"controlsRow")
        self.dayLabel = QLabel(self.reportContent)
        self.dayLabel.setObjectName(u"dayLabel")

        self.controlsRow.addWidget(self.dayLabel)

        self.dayEdit = QDateEdit(self.reportContent)
        self.dayEdit.setObjectName(u"dayEdit")
        self.dayEdit.setCalendarPopup(True)

        self.controlsRow.addWidget(self.dayEdit)

        self.stationLabel = QLabel(self.reportContent)
        self.stationLabel.setObjectName(u"stationLabel")

        self.controlsRow.addWidget(self.stationLabel)

        self.stationCombo = QComboBox(self.reportContent)
        self.stationCombo.setObjectName(u"stationCombo")
        self.stationCombo.setMinimumContentsLength(14)

        self.controlsRow.addWidget(self.stationCombo)

        self.currencyLabel = QLabel(self.reportContent)
        self.currencyLabel.setObjectName(u"currencyLabel")

        self.controlsRow.addWidget(self.currencyLabel)

        self.currencyCombo = QComboBox(self.reportContent)
        self.currencyCombo.setObjectName(u"currencyCombo")

        self.controlsRow.addWidget(self.currencyCombo)

        self.showReportButton = QPushButton(self.reportContent)
        self.showReportButton.setObjectName(u"showReportButton")

        self.controlsRow.addWidget(self.showReportButton)

        self.controlsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.controlsRow.addItem(self.controlsSpacer)

        self.controlsRow.setStretch(7, 1)

        self.reportColumn.addLayout(self.controlsRow)

        self.exportRow = QHBoxLayout()
        self.exportRow.setObjectName(u"exportRow")
        self.personalDataCheck = QCheckBox(self.reportContent)
        self.personalDataCheck.setObjectName(u"personalDataCheck")

        self.exportRow.addWidget(self.personalDataCheck)

        self.exportSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.exportRow.addItem(self.exportSpacer)

        self.exportPdfButton = QPushButton(self.reportContent)
        self.exportPdfButton.setObjectName(u"exportPdfButton")
        self.exportPdfButton.setEnabled(False)

        self.exportRow.addWidget(self.exportPdfButton)

        self.exportCsvButton = QPushButton(self.reportContent)
        self.exportCsvButton.setObjectName(u"exportCsvButton")
        self.exportCsvButton.setEnabled(False)

        self.exportRow.addWidget(self.exportCsvButton)

        self.exportRow.setStretch(1, 1)

        self.reportColumn.addLayout(self.exportRow)

        self.reportStatusLabel = QLabel(self.reportContent)
        self.reportStatusLabel.setObjectName(u"reportStatusLabel")
        self.reportStatusLabel.setWordWrap(True)

        self.reportColumn.addWidget(self.reportStatusLabel)

        self.tilesArea = QWidget(self.reportContent)
        self.tilesArea.setObjectName(u"tilesArea")
        self.linesTile = QFrame(self.tilesArea)
        self.linesTile.setObjectName(u"linesTile")
        self.linesTile.setFrameShape(QFrame.Shape.StyledPanel)
        self.linesTileLayout = QVBoxLayout(self.linesTile)
        self.linesTileLayout.setObjectName(u"linesTileLayout")
        self.linesCaption = QLabel(self.linesTile)
        self.linesCaption.setObjectName(u"linesCaption")

        self.linesTileLayout.addWidget(self.linesCaption)

        self.linesValue = QLabel(self.linesTile)
        self.linesValue.setObjectName(u"linesValue")
        self.linesValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.linesTileLayout.addWidget(self.linesValue)

        self.refundedTile = QFrame(self.tilesArea)
        self.refundedTile.setObjectName(u"refundedTile")
        self.refundedTile.setFrameShape(QFrame.Shape.StyledPanel)
        self.refundedTileLayout = QVBoxLayout(self.refundedTile)
        self.refundedTileLayout.setObjectName(u"refundedTileLayout")
        self.refundedCaption = QLabel(self.refundedTile)
        self.refundedCaption.setObjectName(u"refundedCaption")

        self.refundedTileLayout.addWidget(self.refundedCaption)

        self.refundedValue = QLabel(self.refundedTile)
        self.refundedValue.setObjectName(u"refundedValue")
        self.refundedValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.refundedTileLayout.addWidget(self.refundedValue)

        self.feesTile = QFrame(self.tilesArea)
        self.feesTile.setObjectName(u"feesTile")
        self.feesTile.setFrameShape(QFrame.Shape.StyledPanel)
        self.feesTileLayout = QVBoxLayout(self.feesTile)
        self.feesTileLayout.setObjectName(u"feesTileLayout")
        self.feesCaption = QLabel(self.feesTile)
        self.feesCaption.setObjectName(u"feesCaption")

        self.feesTileLayout.addWidget(self.feesCaption)

        self.feesValue = QLabel(self.feesTile)
        self.feesValue.setObjectName(u"feesValue")
        self.feesValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.feesTileLayout.addWidget(self.feesValue)

        self.deniedTile = QFrame(self.tilesArea)
        self.deniedTile.setObjectName(u"deniedTile")
        self.deniedTile.setFrameShape(QFrame.Shape.StyledPanel)
        self.deniedTileLayout = QVBoxLayout(self.deniedTile)
        self.deniedTileLayout.setObjectName(u"deniedTileLayout")
        self.deniedCaption = QLabel(self.deniedTile)
        self.deniedCaption.setObjectName(u"deniedCaption")

        self.deniedTileLayout.addWidget(self.deniedCaption)

        self.deniedValue = QLabel(self.deniedTile)
        self.deniedValue.setObjectName(u"deniedValue")
        self.deniedValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.deniedTileLayout.addWidget(self.deniedValue)

        self.holdsTile = QFrame(self.tilesArea)
        self.holdsTile.setObjectName(u"holdsTile")
        self.holdsTile.setFrameShape(QFrame.Shape.StyledPanel)
        self.holdsTileLayout = QVBoxLayout(self.holdsTile)
        self.holdsTileLayout.setObjectName(u"holdsTileLayout")
        self.holdsCaption = QLabel(self.holdsTile)
        self.holdsCaption.setObjectName(u"holdsCaption")

        self.holdsTileLayout.addWidget(self.holdsCaption)

        self.holdsValue = QLabel(self.holdsTile)
        self.holdsValue.setObjectName(u"holdsValue")
        self.holdsValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.holdsTileLayout.addWidget(self.holdsValue)

        self.voidedTile = QFrame(self.tilesArea)
        self.voidedTile.setObjectName(u"voidedTile")
        self.voidedTile.setFrameShape(QFrame.Shape.StyledPanel)
        self.voidedTileLayout = QVBoxLayout(self.voidedTile)
        self.voidedTileLayout.setObjectName(u"voidedTileLayout")
        self.voidedCaption = QLabel(self.voidedTile)
        self.voidedCaption.setObjectName(u"voidedCaption")

        self.voidedTileLayout.addWidget(self.voidedCaption)

        self.voidedValue = QLabel(self.voidedTile)
        self.voidedValue.setObjectName(u"voidedValue")
        self.voidedValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.voidedTileLayout.addWidget(self.voidedValue)

        self.findingsTile = QFrame(self.tilesArea)
        self.findingsTile.setObjectName(u"findingsTile")
        self.findingsTile.setFrameShape(QFrame.Shape.StyledPanel)
        self.findingsTileLayout = QVBoxLayout(self.findingsTile)
        self.findingsTileLayout.setObjectName(u"findingsTileLayout")
        self.findingsCaption = QLabel(self.findingsTile)
        self.findingsCaption.setObjectName(u"findingsCaption")

        self.findingsTileLayout.addWidget(self.findingsCaption)

        self.findingsValue = QLabel(self.findingsTile)
        self.findingsValue.setObjectName(u"findingsValue")
        self.findingsValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.findingsTileLayout.addWidget(self.findingsValue)

        self.contradictionsTile = QFrame(self.tilesArea)
        self.contradictionsTile.setObjectName(u"contradictionsTile")
        self.contradictionsTile.setFrameShape(QFrame.Shape.StyledPanel)
        self.contradictionsTileLayout = QVBoxLayout(self.contradictionsTile)
        self.contradictionsTileLayout.setObjectName(u"contradictionsTileLayout")
        self.contradictionsCaption = QLabel(self.contradictionsTile)
        self.contradictionsCaption.setObjectName(u"contradictionsCaption")

        self.contradictionsTileLayout.addWidget(self.contradictionsCaption)

        self.contradictionsValue = QLabel(self.contradictionsTile)
        self.contradictionsValue.setObjectName(u"contradictionsValue")
        self.contradictionsValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.contradictionsTileLayout.addWidget(self.contradictionsValue)


        self.reportColumn.addWidget(self.tilesArea)

        self.reportCharts = ReportCharts(self.reportContent)
        self.reportCharts.setObjectName(u"reportCharts")

        self.reportColumn.addWidget(self.reportCharts)

        self.reportTables = QTabWidget(self.reportContent)
        self.reportTables.setObjectName(u"reportTables")
        self.reportTables.setMinimumSize(QSize(0, 240))
        self.operatorsTable = QTableView()
        self.operatorsTable.setObjectName(u"operatorsTable")
        self.operatorsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.operatorsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.reportTables.addTab(self.operatorsTable, "")
        self.stationsTable = QTableView()
        self.stationsTable.setObjectName(u"stationsTable")
        self.stationsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.stationsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.reportTables.addTab(self.stationsTable, "")
        self.refundsTable = QTableView()
        self.refundsTable.setObjectName(u"refundsTable")
        self.refundsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.refundsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.reportTables.addTab(self.refundsTable, "")
        self.denialsTable = QTableView()
        self.denialsTable.setObjectName(u"denialsTable")
        self.denialsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.denialsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.reportTables.addTab(self.denialsTable, "")
        self.findingsTable = QTableView()
        self.findingsTable.setObjectName(u"findingsTable")
        self.findingsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.findingsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.reportTables.addTab(self.findingsTable, "")
        self.contradictionsTable = QTableView()
        self.contradictionsTable.setObjectName(u"contradictionsTable")
        self.contradictionsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.contradictionsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.reportTables.addTab(self.contradictionsTable, "")
        self.voidsTable = QTableView()
        self.voidsTable.setObjectName(u"voidsTable")
        self.voidsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.voidsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.reportTables.addTab(self.voidsTable, "")
        self.holdsTable = QTableView()
        self.holdsTable.setObjectName(u"holdsTable")
        self.holdsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.holdsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.reportTables.addTab(self.holdsTable, "")

        self.reportColumn.addWidget(self.reportTables)

        self.reportScroll.setWidget(self.reportContent)

        self.pageLayout.addWidget(self.reportScroll)

#if QT_CONFIG(shortcut)
        self.dayLabel.setBuddy(self.dayEdit)
        self.stationLabel.setBuddy(self.stationCombo)
        self.currencyLabel.setBuddy(self.currencyCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(reportsPage)

        self.showReportButton.setDefault(True)


        QMetaObject.connectSlotsByName(reportsPage)
    # setupUi

    def retranslateUi(self, reportsPage):
#if QT_CONFIG(accessibility)
        self.reportScroll.setAccessibleName(QCoreApplication.translate("ReportsPage", u"Report", None))
#endif // QT_CONFIG(accessibility)
        self.dayLabel.setText(QCoreApplication.translate("ReportsPage", u"&Day", None))
#if QT_CONFIG(accessibility)
        self.dayEdit.setAccessibleName(QCoreApplication.translate("ReportsPage", u"Report day", None))
#endif // QT_CONFIG(accessibility)
        self.dayEdit.setDisplayFormat(QCoreApplication.translate("ReportsPage", u"yyyy-MM-dd", None))
        self.stationLabel.setText(QCoreApplication.translate("ReportsPage", u"S&tation", None))
#if QT_CONFIG(accessibility)
        self.stationCombo.setAccessibleName(QCoreApplication.translate("ReportsPage", u"Station", None))
#endif // QT_CONFIG(accessibility)
        self.currencyLabel.setText(QCoreApplication.translate("ReportsPage", u"C&urrency", None))
#if QT_CONFIG(accessibility)
        self.currencyCombo.setAccessibleName(QCoreApplication.translate("ReportsPage", u"Currency", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.showReportButton.setAccessibleName(QCoreApplication.translate("ReportsPage", u"Show the report", None))
#endif // QT_CONFIG(accessibility)
        self.showReportButton.setText(QCoreApplication.translate("ReportsPage", u"Show report", None))
#if QT_CONFIG(accessibility)
        self.personalDataCheck.setAccessibleName(QCoreApplication.translate("ReportsPage", u"Include customer details (admins only)", None))
#endif // QT_CONFIG(accessibility)
        self.personalDataCheck.setText(QCoreApplication.translate("ReportsPage", u"Include customer details", None))
#if QT_CONFIG(accessibility)
        self.exportPdfButton.setAccessibleName(QCoreApplication.translate("ReportsPage", u"Export the report as PDF", None))
#endif // QT_CONFIG(accessibility)
        self.exportPdfButton.setText(QCoreApplication.translate("ReportsPage", u"Export PDF\u2026", None))
#if QT_CONFIG(accessibility)
        self.exportCsvButton.setAccessibleName(QCoreApplication.translate("ReportsPage", u"Export the report as CSV", None))
#endif // QT_CONFIG(accessibility)
        self.exportCsvButton.setText(QCoreApplication.translate("ReportsPage", u"Export CSV\u2026", None))
#if QT_CONFIG(accessibility)
        self.reportStatusLabel.setAccessibleName(QCoreApplication.translate("ReportsPage", u"Report status", None))
#endif // QT_CONFIG(accessibility)
        self.reportStatusLabel.setText("")
        self.linesCaption.setText(QCoreApplication.translate("ReportsPage", u"Lines received", None))
        self.linesValue.setText(QCoreApplication.translate("ReportsPage", u"\u2013", None))
        self.refundedCaption.setText(QCoreApplication.translate("ReportsPage", u"Refunded", None))
        self.refundedValue.setText(QCoreApplication.translate("ReportsPage", u"\u2013", None))
        self.feesCaption.setText(QCoreApplication.translate("ReportsPage", u"Restocking fees", None))
        self.feesValue.setText(QCoreApplication.translate("ReportsPage", u"\u2013", None))
        self.deniedCaption.setText(QCoreApplication.translate("ReportsPage", u"Denied", None))
        self.deniedValue.setText(QCoreApplication.translate("ReportsPage", u"\u2013", None))
        self.holdsCaption.setText(QCoreApplication.translate("ReportsPage", u"On hold", None))
        self.holdsValue.setText(QCoreApplication.translate("ReportsPage", u"\u2013", None))
        self.voidedCaption.setText(QCoreApplication.translate("ReportsPage", u"Voided", None))
        self.voidedValue.setText(QCoreApplication.translate("ReportsPage", u"\u2013", None))
        self.findingsCaption.setText(QCoreApplication.translate("ReportsPage", u"Findings at the bench", None))
        self.findingsValue.setText(QCoreApplication.translate("ReportsPage", u"\u2013", None))
        self.contradictionsCaption.setText(QCoreApplication.translate("ReportsPage", u"Approved over a contradiction", None))
        self.contradictionsValue.setText(QCoreApplication.translate("ReportsPage", u"\u2013", None))
#if QT_CONFIG(accessibility)
        self.reportTables.setAccessibleName(QCoreApplication.translate("ReportsPage", u"Report tables", None))
#endif // QT_CONFIG(accessibility)
        self.reportTables.setTabText(self.reportTables.indexOf(self.operatorsTable), QCoreApplication.translate("ReportsPage", u"By operator", None))
        self.reportTables.setTabText(self.reportTables.indexOf(self.stationsTable), QCoreApplication.translate("ReportsPage", u"By station", None))
        self.reportTables.setTabText(self.reportTables.indexOf(self.refundsTable), QCoreApplication.translate("ReportsPage", u"Refunds by method", None))
        self.reportTables.setTabText(self.reportTables.indexOf(self.denialsTable), QCoreApplication.translate("ReportsPage", u"Denials by reason", None))
        self.reportTables.setTabText(self.reportTables.indexOf(self.findingsTable), QCoreApplication.translate("ReportsPage", u"Findings at the bench", None))
        self.reportTables.setTabText(self.reportTables.indexOf(self.contradictionsTable), QCoreApplication.translate("ReportsPage", u"Approved over a contradiction", None))
        self.reportTables.setTabText(self.reportTables.indexOf(self.voidsTable), QCoreApplication.translate("ReportsPage", u"Voids", None))
        self.reportTables.setTabText(self.reportTables.indexOf(self.holdsTable), QCoreApplication.translate("ReportsPage", u"On hold", None))
        pass
    # retranslateUi


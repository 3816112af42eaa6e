# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'pages_history.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QDate, QMetaObject
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QDateEdit, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QStackedWidget, QTableView, QVBoxLayout, QWidget

class Ui_HistoryPage(object):
    def setupUi(self, HistoryPage):
        if not HistoryPage.objectName():
            HistoryPage.setObjectName(u"HistoryPage")
        HistoryPage.resize(1180, 760)
        self.historyLayout = QVBoxLayout(HistoryPage)
        self.historyLayout.setObjectName(u"historyLayout")
        self.historyStack = QStackedWidget(HistoryPage)
        self.historyStack.setObjectName(u"historyStack")
        self.searchPane = QWidget()
        self.searchPane.setObjectName(u"searchPane")
        self.searchPaneLayout = QVBoxLayout(self.searchPane)
        self.searchPaneLayout.setObjectName(u"searchPaneLayout")
        self.searchGroup = QGroupBox(self.searchPane)
        self.searchGroup.setObjectName(u"searchGroup")
        self.searchGrid = QGridLayout(self.searchGroup)
        self.searchGrid.setObjectName(u"searchGrid")
        self.numberLabel = QLabel(self.searchGroup)
        self.numberLabel.setObjectName(u"numberLabel")

        self.searchGrid.addWidget(self.numberLabel, 0, 0, 1, 1)

        self.numberEdit = QLineEdit(self.searchGroup)
        self.numberEdit.setObjectName(u"numberEdit")
        self.numberEdit.setClearButtonEnabled(True)

        self.searchGrid.addWidget(self.numberEdit, 0, 1, 1, 1)

        self.customerLabel = QLabel(self.searchGroup)
        self.customerLabel.setObjectName(u"customerLabel")

        self.searchGrid.addWidget(self.customerLabel, 0, 2, 1, 1)

        self.customerEdit = QLineEdit(self.searchGroup)
        self.customerEdit.setObjectName(u"customerEdit")
        self.customerEdit.setClearButtonEnabled(True)

        self.searchGrid.addWidget(self.customerEdit, 0, 3, 1, 1)

        self.skuLabel = QLabel(self.searchGroup)
        self.skuLabel.setObjectName(u"skuLabel")

        self.searchGrid.addWidget(self.skuLabel, 1, 0, 1, 1)

        self.skuEdit = QLineEdit(self.searchGroup)
        self.skuEdit.setObjectName(u"skuEdit")
        self.skuEdit.setClearButtonEnabled(True)

        self.searchGrid.addWidget(self.skuEdit, 1, 1, 1, 1)

        self.dateLabel = QLabel(self.searchGroup)
        self.dateLabel.setObjectName(u"dateLabel")

        self.searchGrid.addWidget(self.dateLabel, 2, 0, 1, 1)

        self.dateRangeLayout = QHBoxLayout()
        self.dateRangeLayout.setObjectName(u"dateRangeLayout")
        self.dateFieldCombo = QComboBox(self.searchGroup)
        self.dateFieldCombo.setObjectName(u"dateFieldCombo")

        self.dateRangeLayout.addWidget(self.dateFieldCombo)

        self.fromLabel = QLabel(self.searchGroup)
        self.fromLabel.setObjectName(u"fromLabel")

        self.dateRangeLayout.addWidget(self.fromLabel)

        self.fromDate = QDateEdit(self.searchGroup)
        self.fromDate.setObjectName(u"fromDate")
        self.fromDate.setCalendarPopup(True)
        self.fromDate.setMinimumDate(QDate(2000, 1, 1))
        self.fromDate.setDate(QDate(2000, 1, 1))

        self.dateRangeLayout.addWidget(self.fromDate)

        self.toLabel = QLabel(self.searchGroup)
        self.toLabel.setObjectName(u"toLabel")

        self.dateRangeLayout.addWidget(self.toLabel)

        self.toDate = QDateEdit(self.searchGroup)
        self.toDate.setObjectName(u"toDate")
        self.toDate.setCalendarPopup(True)
        self.toDate.setMinimumDate(QDate(2000, 1, 1))
        self.toDate.setDate(QDate(2000, 1, 1))

        self.dateRangeLayout.addWidget(self.toDate)

        self.dateRangeSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dateRangeLayout.addItem(self.dateRangeSpacer)


        self.searchGrid.addLayout(self.dateRangeLayout, 2, 1, 1, 3)

        self.outcomeLabel = QLabel(self.searchGroup)
        self.outcomeLabel.setObjectName(u"outcomeLabel")

        self.searchGrid.addWidget(self.outcomeLabel, 1, 2, 1, 1)

        self.outcomeCombo = QComboBox(self.searchGroup)
        self.outcomeCombo.setObjectName(u"outcomeCombo")

        self.searchGrid.addWidget(self.outcomeCombo, 1, 3, 1, 1)

        self.searchButtonsLayout = QHBoxLayout()
        self.searchButtonsLayout.setObjectName(u"searchButtonsLayout")
        self.searchButton = QPushButton(self.searchGroup)
        self.searchButton.setObjectName(u"searchButton")

        self.searchButtonsLayout.addWidget(self.searchButton)

        self.clearButton = QPushButton(self.searchGroup)
        self.clearButton.setObjectName(u"clearButton")

        self.searchButtonsLayout.addWidget(self.clearButton)

        self.searchButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.searchButtonsLayout.addItem(self.searchButtonsSpacer)


        self.searchGrid.addLayout(self.searchButtonsLayout, 3, 0, 1, 4)

        self.searchGrid.setColumnStretch(1, 1)
        self.searchGrid.setColumnStretch(3, 1)

        self.searchPaneLayout.addWidget(self.searchGroup)

        self.statusLabel = QLabel(self.searchPane)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.searchPaneLayout.addWidget(self.statusLabel)

        self.resultsTable = QTableView(self.searchPane)
        self.resultsTable.setObjectName(u"resultsTable")
        self.resultsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.resultsTable.setAlternatingRowColors(True)
        self.resultsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.resultsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.resultsTable.setSortingEnabled(True)
        self.resultsTable.setWordWrap(False)

        self.searchPaneLayout.addWidget(self.resultsTable)

        self.resultButtonsLayout = QHBoxLayout()
        self.resultButtonsLayout.setObjectName(u"resultButtonsLayout")
        self.openButton = QPushButton(self.searchPane)
        self.openButton.setObjectName(u"openButton")
        self.openButton.setEnabled(False)

        self.resultButtonsLayout.addWidget(self.openButton)

        self.resultButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.resultButtonsLayout.addItem(self.resultButtonsSpacer)

        self.moreButton = QPushButton(self.searchPane)
        self.moreButton.setObjectName(u"moreButton")
        self.moreButton.setEnabled(False)

        self.resultButtonsLayout.addWidget(self.moreButton)


        self.searchPaneLayout.addLayout(self.resultButtonsLayout)

        self.historyStack.addWidget(self.searchPane)

        self.historyLayout.addWidget(self.historyStack)

#if QT_CONFIG(shortcut)
        self.numberLabel.setBuddy(self.numberEdit)
        self.customerLabel.setBuddy(self.customerEdit)
        self.skuLabel.setBuddy(self.skuEdit)
        self.dateLabel.setBuddy(self.dateFieldCombo)
        self.fromLabel.setBuddy(self.fromDate)
        self.toLabel.setBuddy(self.toDate)
        self.outcomeLabel.setBuddy(self.outcomeCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.numberEdit, self.customerEdit)
        QWidget.setTabOrder(self.customerEdit, self.skuEdit)
        QWidget.setTabOrder(self.skuEdit, self.dateFieldCombo)
        QWidget.setTabOrder(self.dateFieldCombo, self.fromDate)
        QWidget.setTabOrder(self.fromDate, self.toDate)
        QWidget.setTabOrder(self.toDate, self.outcomeCombo)
        QWidget.setTabOrder(self.outcomeCombo, self.searchButton)
        QWidget.setTabOrder(self.searchButton, self.clearButton)
        QWidget.setTabOrder(self.clearButton, self.resultsTable)
        QWidget.setTabOrder(self.resultsTable, self.openButton)
        QWidget.setTabOrder(self.openButton, self.moreButton)

        self.retranslateUi(HistoryPage)

        self.searchButton.setDefault(True)


        QMetaObject.connectSlotsByName(HistoryPage)
    # setupUi

    def retranslateUi(self, HistoryPage):
#if QT_CONFIG(accessibility)
        HistoryPage.setAccessibleName(QCoreApplication.translate("HistoryPage", u"RMA history", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.historyStack.setAccessibleName(QCoreApplication.translate("HistoryPage", u"RMA history", None))
#endif // QT_CONFIG(accessibility)
        self.searchGroup.setTitle(QCoreApplication.translate("HistoryPage", u"Find RMAs", None))
#if QT_CONFIG(accessibility)
        self.searchGroup.setAccessibleName(QCoreApplication.translate("HistoryPage", u"Search criteria", None))
#endif // QT_CONFIG(accessibility)
        self.numberLabel.setText(QCoreApplication.translate("HistoryPage", u"&RMA number", None))
#if QT_CONFIG(accessibility)
        self.numberEdit.setAccessibleName(QCoreApplication.translate("HistoryPage", u"RMA number or its beginning", None))
#endif // QT_CONFIG(accessibility)
        self.numberEdit.setPlaceholderText(QCoreApplication.translate("HistoryPage", u"whole number or its beginning", None))
        self.customerLabel.setText(QCoreApplication.translate("HistoryPage", u"C&ustomer", None))
#if QT_CONFIG(accessibility)
        self.customerEdit.setAccessibleName(QCoreApplication.translate("HistoryPage", u"Customer", None))
#endif // QT_CONFIG(accessibility)
        self.skuLabel.setText(QCoreApplication.translate("HistoryPage", u"S&KU", None))
#if QT_CONFIG(accessibility)
        self.skuEdit.setAccessibleName(QCoreApplication.translate("HistoryPage", u"SKU on a line", None))
#endif // QT_CONFIG(accessibility)
        self.skuEdit.setPlaceholderText(QCoreApplication.translate("HistoryPage", u"exact SKU", None))
        self.dateLabel.setText(QCoreApplication.translate("HistoryPage", u"&Dates", None))
#if QT_CONFIG(accessibility)
        self.dateFieldCombo.setAccessibleName(QCoreApplication.translate("HistoryPage", u"Which date the range applies to", None))
#endif // QT_CONFIG(accessibility)
        self.fromLabel.setText(QCoreApplication.translate("HistoryPage", u"&from", None))
#if QT_CONFIG(accessibility)
        self.fromDate.setAccessibleName(QCoreApplication.translate("HistoryPage", u"From date", None))
#endif // QT_CONFIG(accessibility)
        self.fromDate.setDisplayFormat(QCoreApplication.translate("HistoryPage", u"yyyy-MM-dd", None))
        self.fromDate.setSpecialValueText(QCoreApplication.translate("HistoryPage", u"any date", None))
        self.toLabel.setText(QCoreApplication.translate("HistoryPage", u"&to", None))
#if QT_CONFIG(accessibility)
        self.toDate.setAccessibleName(QCoreApplication.translate("HistoryPage", u"To date", None))
#endif // QT_CONFIG(accessibility)
        self.toDate.setDisplayFormat(QCoreApplication.translate("HistoryPage", u"yyyy-MM-dd", None))
        self.toDate.setSpecialValueText(QCoreApplication.translate("HistoryPage", u"any date", None))
        self.outcomeLabel.setText(QCoreApplication.translate("HistoryPage", u"Ou&tcome", None))
#if QT_CONFIG(accessibility)
        self.outcomeCombo.setAccessibleName(QCoreApplication.translate("HistoryPage", u"Outcome of a line", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.searchButton.setAccessibleName(QCoreApplication.translate("HistoryPage", u"Search", None))
#endif // QT_CONFIG(accessibility)
        self.searchButton.setText(QCoreApplication.translate("HistoryPage", u"&Search", None))
#if QT_CONFIG(accessibility)
        self.clearButton.setAccessibleName(QCoreApplication.translate("HistoryPage", u"Clear the search", None))
#endif // QT_CONFIG(accessibility)
        self.clearButton.setText(QCoreApplication.translate("HistoryPage", u"C&lear", None))
#if QT_CONFIG(accessibility)
        self.statusLabel.setAccessibleName(QCoreApplication.translate("HistoryPage", u"Search status", None))
#endif // QT_CONFIG(accessibility)
        self.statusLabel.setText("")
#if QT_CONFIG(accessibility)
        self.resultsTable.setAccessibleName(QCoreApplication.translate("HistoryPage", u"RMAs found", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.openButton.setAccessibleName(QCoreApplication.translate("HistoryPage", u"Open the selected RMA", None))
#endif // QT_CONFIG(accessibility)
        self.openButton.setText(QCoreApplication.translate("HistoryPage", u"&Open RMA", None))
#if QT_CONFIG(accessibility)
        self.moreButton.setAccessibleName(QCoreApplication.translate("HistoryPage", u"List the next RMAs that match", None))
#endif // QT_CONFIG(accessibility)
        self.moreButton.setText(QCoreApplication.translate("HistoryPage", u"Show &more", None))
    # retranslateUi


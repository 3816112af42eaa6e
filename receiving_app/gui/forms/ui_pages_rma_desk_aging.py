# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'pages_rma_desk_aging.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTabWidget, QTableView, QVBoxLayout, QWidget

class Ui_AgingTab(object):
    def setupUi(self, AgingTab):
        if not AgingTab.objectName():
            AgingTab.setObjectName(u"AgingTab")
        AgingTab.resize(900, 700)
        self.agingLayout = QVBoxLayout(AgingTab)
        self.agingLayout.setObjectName(u"agingLayout")
        self.agingStatusLabel = QLabel(AgingTab)
        self.agingStatusLabel.setObjectName(u"agingStatusLabel")
        self.agingStatusLabel.setWordWrap(True)

        self.agingLayout.addWidget(self.agingStatusLabel)

        self.agingTabs = QTabWidget(AgingTab)
        self.agingTabs.setObjectName(u"agingTabs")
        self.notArrivedPage = QWidget()
        self.notArrivedPage.setObjectName(u"notArrivedPage")
        self.notArrivedLayout = QVBoxLayout(self.notArrivedPage)
        self.notArrivedLayout.setObjectName(u"notArrivedLayout")
        self.notArrivedLabel = QLabel(self.notArrivedPage)
        self.notArrivedLabel.setObjectName(u"notArrivedLabel")
        self.notArrivedLabel.setWordWrap(True)

        self.notArrivedLayout.addWidget(self.notArrivedLabel)

        self.notArrivedTable = QTableView(self.notArrivedPage)
        self.notArrivedTable.setObjectName(u"notArrivedTable")
        self.notArrivedTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.notArrivedTable.setAlternatingRowColors(True)
        self.notArrivedTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.notArrivedTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.notArrivedTable.setWordWrap(False)

        self.notArrivedLayout.addWidget(self.notArrivedTable)

        self.agingTabs.addTab(self.notArrivedPage, "")
        self.notInspectedPage = QWidget()
        self.notInspectedPage.setObjectName(u"notInspectedPage")
        self.notInspectedLayout = QVBoxLayout(self.notInspectedPage)
        self.notInspectedLayout.setObjectName(u"notInspectedLayout")
        self.notInspectedLabel = QLabel(self.notInspectedPage)
        self.notInspectedLabel.setObjectName(u"notInspectedLabel")
        self.notInspectedLabel.setWordWrap(True)

        self.notInspectedLayout.addWidget(self.notInspectedLabel)

        self.notInspectedTable = QTableView(self.notInspectedPage)
        self.notInspectedTable.setObjectName(u"notInspectedTable")
        self.notInspectedTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.notInspectedTable.setAlternatingRowColors(True)
        self.notInspectedTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.notInspectedTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.notInspectedTable.setWordWrap(False)

        self.notInspectedLayout.addWidget(self.notInspectedTable)

        self.agingTabs.addTab(self.notInspectedPage, "")
        self.onHoldPage = QWidget()
        self.onHoldPage.setObjectName(u"onHoldPage")
        self.onHoldLayout = QVBoxLayout(self.onHoldPage)
        self.onHoldLayout.setObjectName(u"onHoldLayout")
        self.onHoldLabel = QLabel(self.onHoldPage)
        self.onHoldLabel.setObjectName(u"onHoldLabel")
        self.onHoldLabel.setWordWrap(True)

        self.onHoldLayout.addWidget(self.onHoldLabel)

        self.onHoldTable = QTableView(self.onHoldPage)
        self.onHoldTable.setObjectName(u"onHoldTable")
        self.onHoldTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.onHoldTable.setAlternatingRowColors(True)
        self.onHoldTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.onHoldTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.onHoldTable.setWordWrap(False)

        self.onHoldLayout.addWidget(self.onHoldTable)

        self.agingTabs.addTab(self.onHoldPage, "")
        self.unidentifiedPage = QWidget()
        self.unidentifiedPage.setObjectName(u"unidentifiedPage")
        self.unidentifiedLayout = QVBoxLayout(self.unidentifiedPage)
        self.unidentifiedLayout.setObjectName(u"unidentifiedLayout")
        self.unidentifiedLabel = QLabel(self.unidentifiedPage)
        self.unidentifiedLabel.setObjectName(u"unidentifiedLabel")
        self.unidentifiedLabel.setWordWrap(True)

        self.unidentifiedLayout.addWidget(self.unidentifiedLabel)

        self.unidentifiedTable = QTableView(self.unidentifiedPage)
        self.unidentifiedTable.setObjectName(u"unidentifiedTable")
        self.unidentifiedTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.unidentifiedTable.setAlternatingRowColors(True)
        self.unidentifiedTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.unidentifiedTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.unidentifiedTable.setWordWrap(False)

        self.unidentifiedLayout.addWidget(self.unidentifiedTable)

        self.agingTabs.addTab(self.unidentifiedPage, "")

        self.agingLayout.addWidget(self.agingTabs)


        self.retranslateUi(AgingTab)

        self.agingTabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(AgingTab)
    # setupUi

    def retranslateUi(self, AgingTab):
#if QT_CONFIG(accessibility)
        AgingTab.setAccessibleName(QCoreApplication.translate("AgingTab", u"Aging", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.agingStatusLabel.setAccessibleName(QCoreApplication.translate("AgingTab", u"Aging: status", None))
#endif // QT_CONFIG(accessibility)
        self.agingStatusLabel.setText("")
#if QT_CONFIG(accessibility)
        self.agingTabs.setAccessibleName(QCoreApplication.translate("AgingTab", u"What waits longer than it should", None))
#endif // QT_CONFIG(accessibility)
        self.notArrivedLabel.setText("")
#if QT_CONFIG(accessibility)
        self.notArrivedTable.setAccessibleName(QCoreApplication.translate("AgingTab", u"Authorized, not arrived", None))
#endif // QT_CONFIG(accessibility)
        self.agingTabs.setTabText(self.agingTabs.indexOf(self.notArrivedPage), QCoreApplication.translate("AgingTab", u"Authorized, not arrived", None))
        self.notInspectedLabel.setText("")
#if QT_CONFIG(accessibility)
        self.notInspectedTable.setAccessibleName(QCoreApplication.translate("AgingTab", u"Arrived, not inspected", None))
#endif // QT_CONFIG(accessibility)
        self.agingTabs.setTabText(self.agingTabs.indexOf(self.notInspectedPage), QCoreApplication.translate("AgingTab", u"Arrived, not inspected", None))
        self.onHoldLabel.setText("")
#if QT_CONFIG(accessibility)
        self.onHoldTable.setAccessibleName(QCoreApplication.translate("AgingTab", u"On hold", None))
#endif // QT_CONFIG(accessibility)
        self.agingTabs.setTabText(self.agingTabs.indexOf(self.onHoldPage), QCoreApplication.translate("AgingTab", u"On hold", None))
        self.unidentifiedLabel.setText("")
#if QT_CONFIG(accessibility)
        self.unidentifiedTable.setAccessibleName(QCoreApplication.translate("AgingTab", u"Returns without an RMA", None))
#endif // QT_CONFIG(accessibility)
        self.agingTabs.setTabText(self.agingTabs.indexOf(self.unidentifiedPage), QCoreApplication.translate("AgingTab", u"Returns without an RMA", None))
    # retranslateUi


# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'pages_rma_desk_unidentified.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout, QWidget

class Ui_UnidentifiedTab(object):
    def setupUi(self, UnidentifiedTab):
        if not UnidentifiedTab.objectName():
            UnidentifiedTab.setObjectName(u"UnidentifiedTab")
        UnidentifiedTab.resize(900, 700)
        self.unidentifiedLayout = QVBoxLayout(UnidentifiedTab)
        self.unidentifiedLayout.setObjectName(u"unidentifiedLayout")
        self.returnsLabel = QLabel(UnidentifiedTab)
        self.returnsLabel.setObjectName(u"returnsLabel")

        self.unidentifiedLayout.addWidget(self.returnsLabel)

        self.returnsTable = QTableView(UnidentifiedTab)
        self.returnsTable.setObjectName(u"returnsTable")
        self.returnsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.returnsTable.setAlternatingRowColors(True)
        self.returnsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.returnsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.returnsTable.setWordWrap(False)

        self.unidentifiedLayout.addWidget(self.returnsTable)

        self.detailLabel = QLabel(UnidentifiedTab)
        self.detailLabel.setObjectName(u"detailLabel")
        self.detailLabel.setWordWrap(True)
        self.detailLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.unidentifiedLayout.addWidget(self.detailLabel)

        self.itemsTable = QTableView(UnidentifiedTab)
        self.itemsTable.setObjectName(u"itemsTable")
        self.itemsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.itemsTable.setAlternatingRowColors(True)
        self.itemsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.itemsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.itemsTable.setWordWrap(False)

        self.unidentifiedLayout.addWidget(self.itemsTable)

        self.unidentifiedStatusLabel = QLabel(UnidentifiedTab)
        self.unidentifiedStatusLabel.setObjectName(u"unidentifiedStatusLabel")
        self.unidentifiedStatusLabel.setWordWrap(True)

        self.unidentifiedLayout.addWidget(self.unidentifiedStatusLabel)

        self.unidentifiedButtons = QHBoxLayout()
        self.unidentifiedButtons.setObjectName(u"unidentifiedButtons")
        self.matchButton = QPushButton(UnidentifiedTab)
        self.matchButton.setObjectName(u"matchButton")
        self.matchButton.setAutoDefault(True)
        self.matchButton.setEnabled(False)

        self.unidentifiedButtons.addWidget(self.matchButton)

        self.rejectButton = QPushButton(UnidentifiedTab)
        self.rejectButton.setObjectName(u"rejectButton")
        self.rejectButton.setAutoDefault(True)
        self.rejectButton.setEnabled(False)

        self.unidentifiedButtons.addWidget(self.rejectButton)

        self.refreshButton = QPushButton(UnidentifiedTab)
        self.refreshButton.setObjectName(u"refreshButton")
        self.refreshButton.setAutoDefault(True)

        self.unidentifiedButtons.addWidget(self.refreshButton)

        self.unidentifiedButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.unidentifiedButtons.addItem(self.unidentifiedButtonsSpacer)


        self.unidentifiedLayout.addLayout(self.unidentifiedButtons)

#if QT_CONFIG(shortcut)
        self.returnsLabel.setBuddy(self.returnsTable)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.returnsTable, self.itemsTable)
        QWidget.setTabOrder(self.itemsTable, self.matchButton)
        QWidget.setTabOrder(self.matchButton, self.rejectButton)
        QWidget.setTabOrder(self.rejectButton, self.refreshButton)

        self.retranslateUi(UnidentifiedTab)

        QMetaObject.connectSlotsByName(UnidentifiedTab)
    # setupUi

    def retranslateUi(self, UnidentifiedTab):
#if QT_CONFIG(accessibility)
        UnidentifiedTab.setAccessibleName(QCoreApplication.translate("UnidentifiedTab", u"Returns without an RMA", None))
#endif // QT_CONFIG(accessibility)
        self.returnsLabel.setText(QCoreApplication.translate("UnidentifiedTab", u"&Open returns without an RMA, newest first", None))
#if QT_CONFIG(accessibility)
        self.returnsTable.setAccessibleName(QCoreApplication.translate("UnidentifiedTab", u"Open returns without an RMA", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.detailLabel.setAccessibleName(QCoreApplication.translate("UnidentifiedTab", u"The return picked", None))
#endif // QT_CONFIG(accessibility)
        self.detailLabel.setText("")
#if QT_CONFIG(accessibility)
        self.itemsTable.setAccessibleName(QCoreApplication.translate("UnidentifiedTab", u"Items found in the parcel", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.unidentifiedStatusLabel.setAccessibleName(QCoreApplication.translate("UnidentifiedTab", u"Returns without an RMA: status", None))
#endif // QT_CONFIG(accessibility)
        self.unidentifiedStatusLabel.setText("")
#if QT_CONFIG(accessibility)
        self.matchButton.setAccessibleName(QCoreApplication.translate("UnidentifiedTab", u"Match the return to an order", None))
#endif // QT_CONFIG(accessibility)
        self.matchButton.setText(QCoreApplication.translate("UnidentifiedTab", u"&Match to an order\u2026", None))
#if QT_CONFIG(accessibility)
        self.rejectButton.setAccessibleName(QCoreApplication.translate("UnidentifiedTab", u"Reject the return", None))
#endif // QT_CONFIG(accessibility)
        self.rejectButton.setText(QCoreApplication.translate("UnidentifiedTab", u"Re&ject\u2026", None))
#if QT_CONFIG(accessibility)
        self.refreshButton.setAccessibleName(QCoreApplication.translate("UnidentifiedTab", u"List the open returns again", None))
#endif // QT_CONFIG(accessibility)
        self.refreshButton.setText(QCoreApplication.translate("UnidentifiedTab", u"&Refresh", None))
    # retranslateUi

